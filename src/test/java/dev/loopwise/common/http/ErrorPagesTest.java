package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A browser that meets a missing page, a page its role may not see or a wrong method gets the product's page with the
 * menu its roles allow, what happened in plain words and the way on; a visitor nobody signed in is offered to sign in.
 * API clients keep the JSON error shape.
 */
@QuarkusTest
class ErrorPagesTest {
    private static final String MENU = "aria-label=\"Main menu\"";

    @Test
    void aSignedInReviewerKeepsTheirMenuOnAMissingOrForbiddenPage() {
        Caller reviewer = Caller.session("reviewer1");
        // /admin is refused before any resource runs; /admin/no-such-page and /no-such-page by the resources' mapper.
        for (String[] asked : new String[][] {{"/admin", "403"}, {"/admin/users", "403"}, {"/no-such-page", "404"}}) {
            String page = html(reviewer, asked[0], Integer.parseInt(asked[1]));
            assertTrue(page.contains(MENU) && page.contains("href=\"/review\"") && page.contains("href=\"/account\"")
                    && page.contains("Log out"), asked[0] + ": " + page);
            assertFalse(page.contains("href=\"/admin/users\""), asked[0] + " shows the admin's menu to a reviewer: " + page);
            assertTrue(page.contains("Go to your home page"), asked[0] + ": " + page);
        }
        String forbidden = html(reviewer, "/admin/users", 403);
        assertTrue(forbidden.contains(HttpMessages.errorHeading(403, "")) && forbidden.contains("needs the role admin"), forbidden);
        assertTrue(html(reviewer, "/no-such-page", 404).contains(HttpMessages.errorHeading(404, "")));
    }

    @Test
    void anAdminSeesTheWholeMenuAndCanSignOutFromAnErrorPage() {
        Caller admin = Caller.session("admin");
        String page = html(admin, "/admin/no-such-page", 404);
        assertTrue(page.contains(MENU) && page.contains("href=\"/admin/users\"") && page.contains("href=\"/admin/models\""), page);
        // The page's Log out form carries the browser's own form token, so it signs out rather than saying the form expired;
        // a browser without a token cookie is given one that matches the form.
        assertTrue(page.contains("value=\"" + admin.csrfToken() + "\""), page);
        Map<String, String> withoutToken = new HashMap<>(admin.cookies());
        withoutToken.remove("loopwise-csrf");
        Response fresh = given().cookies(withoutToken).accept("text/html").get("/no-such-page");
        fresh.then().statusCode(404);
        String token = fresh.getCookie("loopwise-csrf");
        assertTrue(token != null && fresh.asString().contains("name=\"csrf-token\" value=\"" + token + "\""), fresh.asString());
    }

    @Test
    void openingTheAddressOfAFormSaysWhatItIsForAndKeepsTheMenu() {
        Caller admin = Caller.session("admin");
        Response opened = admin.pageRequest().accept("text/html").get("/account/keys");
        opened.then().statusCode(405).header("Allow", containsString("POST"));
        String page = opened.asString();
        assertTrue(page.contains(MENU) && page.contains(HttpMessages.FORM_ADDRESS_OPENED.replace("'", "&#39;")), page);
    }

    @Test
    void aVisitorNobodySignedInIsOfferedToSignInAndApiClientsKeepJson() {
        String page = given().accept("text/html").get("/no-such-page").then().statusCode(404).extract().asString();
        assertTrue(page.contains("href=\"/login\"") && page.contains("Sign in") && !page.contains(MENU), page);
        given().accept("application/json").get("/no-such-page").then().statusCode(404)
                .contentType(containsString("application/json")).body("code", equalTo("not_found"));
        given().accept("text/html").get("/api/v1/no-such-thing").then().statusCode(401).contentType(containsString("application/json"));
    }

    private static String html(Caller caller, String path, int status) {
        return caller.pageRequest().accept("text/html").get(path).then().statusCode(status)
                .contentType(containsString("text/html")).extract().asString();
    }
}
