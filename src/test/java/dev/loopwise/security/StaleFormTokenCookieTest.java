package dev.loopwise.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.Messages;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A browser may hold a form token cookie Loopwise did not make, or made differently (an older version, another application
 * on localhost): API calls made with a key must not care, pages must open and hand out a fresh token, and a form sent with
 * the old token must be refused in words that say to reload the page, never acted on.
 */
@QuarkusTest
class StaleFormTokenCookieTest {
    private static final List<String> STALE = List.of("garbage!", "c2hvcnQ", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo");

    @Inject
    ApiKeyService keys;

    @Test
    void keyCallsIgnoreTheCookieAndGetNone() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String stale : STALE) {
            for (String path : List.of("/api/v1/me", "/v1/models")) {
                Response answer = given().header("Authorization", "Bearer " + admin.apiKey()).cookie("loopwise-csrf", stale)
                        .accept("application/json").get(path);
                assertEquals(200, answer.statusCode(), path + " with cookie " + stale + ": " + answer.asString());
                assertNull(answer.getCookie("loopwise-csrf"), "an API answer hands out no form token");
            }
            // A change through the API too: the cookie is neither checked nor a reason to refuse.
            given().header("Authorization", "Bearer " + admin.apiKey()).cookie("loopwise-csrf", stale)
                    .contentType("application/json").body("{\"username\": \"\"}").post("/api/v1/keys")
                    .then().statusCode(400).body("code", equalTo("validation_failed"));
        }
        // A well-formed cookie is no more use to the API than a stale one: no new token replaces the page's.
        Response withValid = given().header("Authorization", "Bearer " + admin.apiKey())
                .cookie("loopwise-csrf", admin.cookies().get("loopwise-csrf")).get("/api/v1/me");
        assertEquals(200, withValid.statusCode());
        assertNull(withValid.getCookie("loopwise-csrf"));
    }

    @Test
    void aPageOpensWithAStaleCookieAndHandsOutAFreshToken() {
        for (String stale : STALE) {
            Response login = given().cookie("loopwise-csrf", stale).accept("text/html").get("/login");
            assertEquals(200, login.statusCode(), login.asString());
            String fresh = login.getCookie("loopwise-csrf");
            assertTrue(fresh != null && FormTokenCookie.wellFormed(fresh), "a new token replaces the stale one: " + fresh);
            assertTrue(login.asString().contains("value=\"" + fresh + "\""), "the page's form carries the new token");
        }
    }

    /**
     * A session's form sent with a stale cookie is refused as an expired form, whether the form repeats the stale value or
     * not, and so is one with a well-formed cookie whose token the form does not match; sent with the page's own cookie and
     * token, the same form goes through.
     */
    @Test
    void aSessionFormWithoutAValidTokenIsRefusedAndAReloadedPageWorks() {
        Caller admin = Caller.session("admin");
        String name = "stale-cookie " + UUID.randomUUID();
        for (String stale : STALE) {
            for (String formToken : List.of(stale, admin.csrfToken(), "")) {
                Map<String, String> cookies = new HashMap<>(admin.cookies());
                cookies.put("loopwise-csrf", stale);
                String page = given().redirects().follow(false).cookies(cookies).header("Origin", Caller.origin()).accept("text/html")
                        .contentType("application/x-www-form-urlencoded").formParam("csrf-token", formToken).formParam("name", name)
                        .post("/account/keys").then().statusCode(403).contentType(containsString("text/html")).extract().asString();
                assertTrue(page.contains(Messages.FORM_EXPIRED.replace("'", "&#39;")), page);
            }
        }
        String otherToken = Caller.session("admin").csrfToken();
        assertNotEquals(admin.csrfToken(), otherToken);
        admin.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", otherToken).formParam("name", name)
                .post("/account/keys").then().statusCode(403);
        assertEquals(0, keysNamed(name), "no refused form made a key");

        admin.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", admin.csrfToken())
                .formParam("name", name).post("/account/keys").then().statusCode(303);
        ScratchAccounts.keyNamed(name);
        assertEquals(1, keysNamed(name));
    }

    private static long keysNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.count("name", name));
    }
}
