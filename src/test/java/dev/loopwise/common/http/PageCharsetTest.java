package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.MultiMap;
import jakarta.inject.Inject;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every page names its charset in Content-Type, whether a template, a page built as a response or an error page drew it;
 * JSON, downloads and static files keep the type they were sent with.
 */
@QuarkusTest
class PageCharsetTest {
    @Inject
    ApiKeyService keys;

    @Test
    void errorPagesNameTheirCharset() {
        Caller reviewer = Caller.session("reviewer1");
        assertHtmlInUtf8(given().accept("text/html").get("/no-such-page"), 404);
        assertHtmlInUtf8(reviewer.pageRequest().accept("text/html").get("/admin/no-such-page"), 404);
        assertHtmlInUtf8(reviewer.pageRequest().accept("text/html").get("/admin/users"), 403);
        assertHtmlInUtf8(reviewer.pageRequest().accept("text/html").header("X-CSRF-Token", reviewer.csrfToken()).put("/review/judge"), 405);
        assertHtmlInUtf8(reviewer.pageRequest().accept("text/html").get("/account/keys"), 405);
    }

    @Test
    void pagesBuiltWithTheirOwnStatusOrCookiesNameTheirCharset() {
        Caller admin = Caller.session("admin");
        assertHtmlInUtf8(given().accept("text/html").get("/login"), 200);
        assertHtmlInUtf8(given().accept("text/html").head("/login"), 200);
        for (String page : new String[] {"/account", "/admin/users", "/admin/knowledge", "/admin", "/review"}) {
            assertHtmlInUtf8(admin.pageRequest().accept("text/html").get(page), 200);
        }
    }

    @Test
    void otherAnswersKeepTheirOwnType() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        assertType("application/json;charset=utf-8", admin.request().get("/api/v1/intents"), 200);
        assertType("application/json", admin.request().get("/api/v1/no-such-address"), 404);
        // The downloads (the service offers no CSV one: the audit trail and preferences are JSON lines).
        assertType("application/x-ndjson;charset=utf-8", admin.request().accept("application/x-ndjson").get("/api/v1/export/preferences"), 200);
        assertType("application/x-ndjson;charset=utf-8", Caller.session("admin").pageRequest().accept("text/html,*/*;q=0.8")
                .get("/admin/audit/download"), 200);
        // Scripts and style sheets are written in UTF-8 (some hold arrows and dashes); the picture has no charset.
        assertType("text/javascript;charset=utf-8", given().get("/js/review.js"), 200);
        assertType("text/css;charset=utf-8", given().get("/css/loopwise.css"), 200);
        assertType("image/svg+xml", given().get("/favicon.svg"), 200);
        // Only a bare text/html is completed: another type, or HTML that already names a charset, is left as it came.
        for (String type : new String[] {"application/json", "text/csv", "text/plain", "text/javascript", "application/x-ndjson",
                "text/html; charset=ISO-8859-1"}) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Content-Type", type);
            HtmlCharset.complete(headers);
            assertEquals(type, headers.get("Content-Type"));
        }
    }

    private static void assertType(String expected, Response response, int status) {
        response.then().statusCode(status);
        String type = response.getHeader("Content-Type").toLowerCase(Locale.ROOT).replace(" ", "");
        assertEquals(expected, type, response.getHeader("Content-Type"));
    }

    private static void assertHtmlInUtf8(Response response, int status) {
        response.then().statusCode(status);
        String type = response.getHeader("Content-Type").toLowerCase(Locale.ROOT).replace(" ", "");
        assertEquals("text/html;charset=utf-8", type, response.asString());
    }
}
