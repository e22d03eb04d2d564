package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every page names its charset in Content-Type, whether a template, a page built as a response or an error page drew it. */
@QuarkusTest
class PageCharsetTest {
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

    private static void assertHtmlInUtf8(Response response, int status) {
        response.then().statusCode(status);
        String type = response.getHeader("Content-Type").toLowerCase(Locale.ROOT).replace(" ", "");
        assertEquals("text/html;charset=utf-8", type, response.asString());
    }
}
