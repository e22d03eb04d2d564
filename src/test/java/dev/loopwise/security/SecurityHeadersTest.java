package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every response carries the security headers; Swagger UI alone may run its inline script; cookies become Secure once. */
@QuarkusTest
class SecurityHeadersTest {
    @Inject
    ApiKeyService keys;

    @Test
    void pagesApiAndStaticFilesCarryTheHeaders() {
        for (String path : new String[] {"/login", "/api/v1/intents", "/js/review.js", "/nothing-here"}) {
            Response response = RestAssured.given().redirects().follow(false).get(path);
            String policy = response.header("Content-Security-Policy");
            assertEquals(SecurityHeaders.POLICY, policy, path);
            assertFalse(policy.contains("unsafe-inline"), path);
            assertTrue(policy.contains("frame-ancestors 'none'"), path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            assertEquals("same-origin", response.header("Referrer-Policy"), path);
            assertNull(response.header("Strict-Transport-Security"), "no HSTS on plain HTTP unless configured: " + path);
        }
        // A signed-in page must not come back from the browser's cache after signing out; static files may.
        Caller admin = Caller.session("admin");
        assertEquals("no-store", admin.request().accept("text/html").get("/admin/users").header("Cache-Control"));
        assertEquals(SecurityHeaders.STATIC_CACHING, RestAssured.given().get("/js/review.js").header("Cache-Control"));
        String adminKey = ScratchAccounts.key(keys.create("admin", "headers")).secret();
        assertEquals(SecurityHeaders.SWAGGER_POLICY, RestAssured.given().header("Authorization", "Bearer " + adminKey)
                .get("/q/swagger-ui/").header("Content-Security-Policy"));
    }

    @Test
    void aStaticFileIsCheckedAgainEveryTimeAndAnUnchangedOneIsNotSentAgain() {
        // After an upgrade a browser must not run the scripts it kept from the release before against the new pages.
        for (String path : new String[] {"/js/round-progress.js", "/css/loopwise.css", "/favicon.svg"}) {
            Response first = RestAssured.given().get(path);
            assertEquals(200, first.statusCode(), path);
            // "immutable" would tell the browser never to ask again, contradicting the asking each time.
            assertEquals(SecurityHeaders.STATIC_CACHING, first.header("Cache-Control"), path);
            assertEquals("no-cache", first.header("Cache-Control"), path);
            Response unchanged = RestAssured.given().header("If-Modified-Since", first.header("Last-Modified")).get(path);
            assertEquals(304, unchanged.statusCode(), "an unchanged file costs a 304: " + path);
            assertEquals("no-cache", unchanged.header("Cache-Control"), path);
            assertEquals("", unchanged.asString(), path);
            if (first.header("ETag") != null) {
                assertEquals(304, RestAssured.given().header("If-None-Match", first.header("ETag")).get(path).statusCode(), path);
            }
            assertEquals("no-cache", RestAssured.given().head(path).header("Cache-Control"), path);
        }
        // A file that is not there is no file to keep.
        for (String path : new String[] {"/js/no-such-script.js", "/css/no-such.css", "/img/no-such.png",
                "/webjars/chart.js/4.4.9/dist/no-such.js"}) {
            Response missing = RestAssured.given().get(path);
            assertEquals(404, missing.statusCode(), path);
            assertEquals("no-store", missing.header("Cache-Control"), path);
        }
    }

    @Test
    void aVersionedLibraryFileIsKeptWithoutAsking() {
        // Its address names the version: an upgrade changes the address, so what is kept is never stale.
        String path = "/webjars/chart.js/4.4.9/dist/chart.umd.js";
        Response first = RestAssured.given().get(path);
        assertEquals(200, first.statusCode());
        assertEquals("public, max-age=31536000, immutable", first.header("Cache-Control"));
        assertEquals(SecurityHeaders.VERSIONED_CACHING, RestAssured.given().head(path).header("Cache-Control"));
        if (first.header("Last-Modified") != null) {
            Response unchanged = RestAssured.given().header("If-Modified-Since", first.header("Last-Modified")).get(path);
            assertEquals(304, unchanged.statusCode());
            assertEquals(SecurityHeaders.VERSIONED_CACHING, unchanged.header("Cache-Control"));
        }
    }

    @Test
    void secureIsAddedOnceWhateverItsCase() {
        assertEquals("a=1; Path=/; HttpOnly; Secure", SecurityHeaders.secure("a=1; Path=/; HttpOnly"));
        assertEquals("a=1; Path=/; secure", SecurityHeaders.secure("a=1; Path=/; secure"));
        assertEquals("a=secure-value; Secure", SecurityHeaders.secure("a=secure-value"));
    }
}
