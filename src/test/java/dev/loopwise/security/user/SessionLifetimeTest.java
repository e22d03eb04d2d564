package dev.loopwise.security.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.SecurityConfig;
import dev.loopwise.security.SessionStamps;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** How a browser session ends: forged or expired, at logout, at its lifetime since sign-in, or without its own stamp. */
@QuarkusTest
class SessionLifetimeTest {
    @Inject
    SessionStamps stamps;
    @Inject
    UserService users;
    @Inject
    SecurityConfig config;

    @Test
    void expiredOrForgedSessionSendsTheBrowserToLoginAndScriptsGetJson401() {
        given().redirects().follow(false).accept("text/html").cookie("loopwise-session", "Zm9yZ2VkLWNvb2tpZQ")
                .get("/admin")
                .then().statusCode(303).header("Location", endsWith("/login?expired=true"));
        given().accept("application/json").cookie("loopwise-session", "Zm9yZ2VkLWNvb2tpZQ")
                .get("/admin")
                .then().statusCode(401).body("code", equalTo("session_expired"));
        // A page's address answers a page unless JSON is asked for by name: */* is sent to sign in, as a browser is.
        given().redirects().follow(false).accept("*/*").cookie("loopwise-session", "Zm9yZ2VkLWNvb2tpZQ")
                .get("/admin")
                .then().statusCode(303).header("Location", endsWith("/login?expired=true"));
        given().get("/login?expired=true").then().statusCode(200).body(containsString("Your session expired"));
    }

    @Test
    void logoutEndsTheSession() {
        Caller reviewer = Caller.session("reviewer2");
        Response logout = reviewer.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", reviewer.csrfToken()).post("/logout");
        assertEquals(303, logout.statusCode());
        assertTrue(logout.header("Location").endsWith("/login?loggedOut=true"));
        String cleared = logout.getCookie("loopwise-session");
        assertTrue(cleared == null || cleared.isEmpty(), "the session cookie is cleared (LogoutCookiesTest: how)");
        given().redirects().follow(false).accept("text/html").get("/review").then().statusCode(303);
    }

    @Test
    void aCopiedCookieStopsWorkingAtLogout() {
        Caller reviewer = Caller.session("reviewer3");
        var copied = reviewer.cookies();
        given().redirects().follow(false).cookies(copied).accept("text/html").get("/review").then().statusCode(200);
        reviewer.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", reviewer.csrfToken()).post("/logout").then().statusCode(303);
        Response refused = given().redirects().follow(false).cookies(copied).accept("text/html").get("/review");
        assertEquals(303, refused.statusCode());
        assertTrue(refused.header("Location").contains("/login"));
        // The dead cookie is forgotten: the sign-in page it is sent to would refuse it again, round and round.
        assertTrue(refused.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("loopwise-session=;") && c.contains("Max-Age=0")), refused.headers().toString());
        // Signing in again works at once.
        Caller.session("reviewer3").request().accept("text/html").get("/review").then().statusCode(200);
    }

    /** Used every few minutes, a session never idles out; its lifetime since sign-in still ends it. */
    @Test
    void aSessionEndsAtItsLifetimeSinceSignInHoweverBusy() {
        String name = "lifetime" + System.nanoTime();
        ScratchAccounts.user(users.create(name, "long-enough-pw", Role.REVIEWER, null));
        var cookies = new HashMap<>(Caller.session(name, "long-enough-pw").cookies());
        Instant start = Instant.now().minus(config.sessionLifetime());
        cookies.put(SessionStamps.COOKIE, stamps.issue(name, start.plusSeconds(120)));
        given().redirects().follow(false).cookies(cookies).accept("text/html").get("/review").then().statusCode(200);
        cookies.put(SessionStamps.COOKIE, stamps.issue(name, start.minusSeconds(120)));
        given().redirects().follow(false).cookies(cookies).accept("text/html").get("/review")
                .then().statusCode(303).header("Location", endsWith("/login?expired=true"));
        given().cookies(cookies).accept("application/json").get("/review")
                .then().statusCode(401).body("code", equalTo("session_expired"));
    }

    @Test
    void aSessionWithoutItsStampOrWithAnotherUsersStampIsRefused() {
        var admin = Caller.session("admin").cookies();
        var reviewer = Caller.session("reviewer1").cookies();
        given().redirects().follow(false).cookie("loopwise-session", admin.get("loopwise-session"))
                .accept("text/html").get("/admin").then().statusCode(303);
        given().redirects().follow(false).cookie("loopwise-session", admin.get("loopwise-session"))
                .cookie(SessionStamps.COOKIE, reviewer.get(SessionStamps.COOKIE))
                .accept("text/html").get("/admin").then().statusCode(303);
        given().redirects().follow(false).cookies(admin).accept("text/html").get("/admin").then().statusCode(200);
    }
}
