package dev.loopwise.security.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.SecurityConfig;
import dev.loopwise.security.SessionStamps;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** Browser sign-in: wrong password, expired or forged session, logout, login CSRF, form CSRF. */
@QuarkusTest
class SessionTest {
    @Inject
    SessionStamps stamps;
    @Inject
    UserService users;
    @Inject
    SecurityConfig config;

    @Test
    void wrongPasswordReturnsToTheLoginPageWithAMessageAndNoSession() {
        Response response = given().redirects().follow(false).header("Origin", Caller.origin()).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "not-the-password")
                .post("/j_security_check");
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/login?error=true"));
        assertEquals(null, response.getCookie("loopwise-session"));
        String refused = given().get("/login?error=true").then().statusCode(401).body(containsString("Wrong username or password."))
                .extract().asString();
        // A screen reader that lands on either field again hears why the sign-in failed.
        assertTrue(refused.contains("autofocus aria-describedby=\"login-error\"") && refused.contains("required aria-describedby=\"login-error\"")
                && refused.contains("id=\"login-error\""), refused);
    }

    @Test
    void theSignInPostTakesOnlyTheForm() {
        given().redirects().follow(false).header("Origin", Caller.origin()).contentType("application/json").body("{}")
                .post("/j_security_check").then().statusCode(415).body("code", org.hamcrest.Matchers.equalTo("unsupported_media_type"))
                .body("error", containsString("sign-in form"));
    }

    @Test
    void aSignInWithoutAPasswordOrWithAHugeOneIsRefusedNotABlankPage() {
        given().redirects().follow(false).header("Origin", Caller.origin()).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").post("/j_security_check")
                .then().statusCode(303).header("Location", endsWith("/login?error=true"));
        given().redirects().follow(false).header("Origin", Caller.origin()).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "x".repeat(100_000)).post("/j_security_check")
                .then().statusCode(303).header("Location", endsWith("/login?error=true"));
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() {
        given().redirects().follow(false).header("Origin", Caller.origin()).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "nobody").formParam("j_password", "whatever-it-is")
                .post("/j_security_check")
                .then().statusCode(303).header("Location", endsWith("/login?error=true"));
    }

    @Test
    void loginLandsOnTheRolesHomeAndReturnsToTheRequestedPage() {
        Caller admin = Caller.session("admin");
        admin.request().get("/").then().statusCode(303).header("Location", endsWith("/admin"));
        Caller reviewer = Caller.session("reviewer1");
        reviewer.request().get("/").then().statusCode(303).header("Location", endsWith("/review"));

        Response bounce = given().redirects().follow(false).accept("text/html").get("/admin/users");
        assertEquals(303, bounce.statusCode());
        String returnTo = bounce.getCookie("loopwise-return-to");
        given().redirects().follow(false).header("Origin", Caller.origin()).cookie("loopwise-return-to", returnTo)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", DemoWorkspace.ADMIN_PASSWORD)
                .post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/admin/users"));
    }

    /**
     * Cookies do not tell ports apart: another application on this host leaves its own return address here, and a page
     * able to set cookies for the host could plant one. Quarkus refused the right password with a bare 401 then.
     */
    @Test
    void aReturnAddressOnAnotherOriginIsForgottenRatherThanRefusingTheSignIn() {
        for (String foreign : new String[] {"http://localhost:1/review", "//evil.example/", "https:evil.example", "/admin/users"}) {
            Response answer = given().redirects().follow(false).header("Origin", Caller.origin()).cookie("loopwise-return-to", foreign)
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "admin").formParam("j_password", DemoWorkspace.ADMIN_PASSWORD)
                    .post("/j_security_check");
            assertEquals(302, answer.statusCode(), foreign);
            assertEquals(Caller.origin() + "/", answer.header("Location"), "the landing page, never the foreign address: " + foreign);
            assertTrue(answer.getCookie("loopwise-session") != null && answer.getCookie(SessionStamps.COOKIE) != null, foreign);
            assertTrue(answer.headers().getValues("Set-Cookie").stream()
                    .anyMatch(c -> c.startsWith("loopwise-return-to=;") && c.contains("Max-Age=0")), "the browser forgets it: " + foreign);
        }
    }

    @Test
    void expiredOrForgedSessionSendsTheBrowserToLoginAndScriptsGetJson401() {
        given().redirects().follow(false).accept("text/html").cookie("loopwise-session", "Zm9yZ2VkLWNvb2tpZQ")
                .get("/admin")
                .then().statusCode(303).header("Location", endsWith("/login?expired=true"));
        given().accept("application/json").cookie("loopwise-session", "Zm9yZ2VkLWNvb2tpZQ")
                .get("/admin")
                .then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("session_expired"));
        // A page's address answers a page unless JSON is asked for by name: */* is sent to sign in, as a browser is.
        given().redirects().follow(false).accept("*/*").cookie("loopwise-session", "Zm9yZ2VkLWNvb2tpZQ")
                .get("/admin")
                .then().statusCode(303).header("Location", endsWith("/login?expired=true"));
        given().get("/login?expired=true").then().statusCode(200).body(containsString("Your session expired"));
    }

    @Test
    void aScriptWithoutSessionOrKeyIsToldHowToAuthenticate() {
        // No session ever existed, so nothing "expired"; curl's default Accept (*/*) is sent to sign in, as a browser is.
        given().redirects().follow(false).accept("*/*").get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).accept("application/json").get("/")
                .then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("unauthenticated"))
                .body("error", containsString("Sign in at /login")).body("error", containsString("Authorization: Bearer"));
        given().accept("application/json").get("/api/v1/intents")
                .then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("unauthenticated"));
    }

    /**
     * The API takes keys, not sessions, which is what lets it skip the origin check. A parameter written into the address's
     * first segment made the rule that says so miss the path, while the resource still answered it.
     */
    @Test
    void theApiTakesNoSessionWhateverIsWrittenIntoItsAddress() {
        Caller reviewer = Caller.session("reviewer1");
        reviewer.request().accept("application/json").get("/api/v1/me").then().statusCode(401);
        for (String path : new String[] {"/api;a/v1/me", "/api;/v1/me", "/v1;a/models", "/account;a", "/api/v1;a/me"}) {
            int status = reviewer.request().urlEncodingEnabled(false).accept("application/json").get(path).statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 400 || status == 401, path + " answered " + status);
        }
        reviewer.request().urlEncodingEnabled(false).accept("application/json").get("/api;a/v1/me").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("malformed_address"))
                .body("error", org.hamcrest.Matchers.containsString("';'"));
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
                .then().statusCode(401).body("code", org.hamcrest.Matchers.equalTo("session_expired"));
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

    @Test
    void loginPostedFromAnotherSiteOrWithoutOriginIsRefusedOnEveryPathQuarkusAnswers() {
        for (String path : new String[] {"/j_security_check", "/anything/j_security_check"}) {
            given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "admin").formParam("j_password", DemoWorkspace.ADMIN_PASSWORD)
                    .post(path).then().statusCode(403);
            given().redirects().follow(false).header("Origin", "http://evil.example")
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "admin").formParam("j_password", DemoWorkspace.ADMIN_PASSWORD)
                    .post(path).then().statusCode(403);
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "admin").formParam("j_password", DemoWorkspace.ADMIN_PASSWORD)
                    .post(path).then().statusCode(403);
        }
    }

    @Test
    void formWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Caller admin = Caller.session("admin");
        long users = countUsers();
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("username", "csrf-victim").formParam("password", "long-enough-pw").formParam("role", "admin")
                .post("/admin/users")
                .then().statusCode(400).body(containsString("Reload the page"));
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("username", "csrf-victim").formParam("password", "long-enough-pw").formParam("role", "admin")
                .formParam("csrf-token", "forged-token")
                .post("/admin/users")
                .then().statusCode(400);
        assertEquals(users, countUsers());
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> User.findByUsername("admin").orElseThrow().passwordHash);
        assertTrue(hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$"), hash);
    }

    private static long countUsers() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> User.count());
    }
}
