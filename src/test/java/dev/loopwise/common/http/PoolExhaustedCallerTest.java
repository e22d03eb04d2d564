package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Every pooled connection taken while the caller is still being recognised, before any resource runs: the API key's
 * look-up, the session's account check, the sign-in form's password check. Each is told the service is busy and that
 * asking again shortly can succeed, as a resource method is, and a session is not ended for it.
 */
@QuarkusTest
class PoolExhaustedCallerTest {
    private static final String BUSY_PAGE = "Loopwise is busy, try again in a moment";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ApiKeyService keys;

    @Test
    void anApiKeyThatCannotBeLookedUpIsToldToAskAgainShortly() throws Exception {
        Caller client = Caller.apiKey(keys, "admin"); // a key with a limit: its count is taken at the same look-up
        client.request().get("/api/v1/me").then().statusCode(200);
        try (HeldPool held = HeldPool.hold(dataSource)) {
            client.request().get("/api/v1/me").then().statusCode(503)
                    .header("x-should-retry", "true")
                    .header("Retry-After", "2")
                    .contentType(startsWith("application/json"))
                    .body("code", equalTo("database_unavailable"))
                    .body("error", containsString("busy"));
        }
        client.request().get("/api/v1/me").then().statusCode(200);
    }

    /** The operations endpoints check the caller's role in a policy of their own, ahead of any resource. */
    @Test
    void aScraperWhoseKeyCannotBeLookedUpIsToldToAskAgainShortly() throws Exception {
        Caller scraper = Caller.apiKeyWithoutLimit(keys, "admin");
        scraper.request().accept("text/plain").get("/q/metrics").then().statusCode(200);
        try (HeldPool held = HeldPool.hold(dataSource)) {
            scraper.request().accept("text/plain").get("/q/metrics").then().statusCode(503)
                    .header("x-should-retry", "true")
                    .header("Retry-After", "2")
                    .body("code", equalTo("database_unavailable"));
        }
    }

    @Test
    void aSessionWhoseAccountCannotBeCheckedGetsTheBusyPageAndStaysSignedIn() throws Exception {
        Caller reviewer = Caller.session("reviewer1");
        reviewer.request().accept("text/html").get("/review").then().statusCode(200);
        try (HeldPool held = HeldPool.hold(dataSource)) {
            Response busy = reviewer.request().accept("text/html").header("Sec-Fetch-Mode", "navigate").get("/review");
            busy.then().statusCode(503)
                    .header("Retry-After", "2")
                    .header("x-should-retry", "true")
                    .contentType(startsWith("text/html"))
                    .body(containsString(BUSY_PAGE));
            assertNull(busy.getDetailedCookies().get(ErrorMapper.SESSION_COOKIE), "the session is not ended for a busy moment");
            // A page's own script asking for JSON gets the API's shape.
            reviewer.request().accept("application/json").get("/review").then().statusCode(503)
                    .header("Retry-After", "2")
                    .body("code", equalTo("database_unavailable"));
        }
        reviewer.request().accept("text/html").get("/review").then().statusCode(200);
    }

    @Test
    void aSignInThatCannotCheckThePasswordIsNotCalledAWrongPassword() throws Exception {
        try (HeldPool held = HeldPool.hold(dataSource)) {
            given().redirects().follow(false).header("Origin", Caller.origin()).accept("text/html")
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "reviewer2").formParam("j_password", DemoWorkspace.REVIEWER_PASSWORD)
                    .post("/j_security_check")
                    .then().statusCode(503)
                    .header("Retry-After", "2")
                    .body(containsString(BUSY_PAGE));
        }
        Caller.session("reviewer2"); // the moment passed: the same sign-in goes through
    }
}
