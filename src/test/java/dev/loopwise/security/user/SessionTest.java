package dev.loopwise.security.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.security.Caller;
import dev.loopwise.security.SessionStamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Browser sign-in: wrong password, where it lands, scripts without a session, login CSRF, form CSRF (how a session ends: SessionLifetimeTest). */
@QuarkusTest
class SessionTest {
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
                .post("/j_security_check").then().statusCode(415).body("code", equalTo("unsupported_media_type"))
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
    void aScriptWithoutSessionOrKeyIsToldHowToAuthenticate() {
        // No session ever existed, so nothing "expired"; curl's default Accept (*/*) is sent to sign in, as a browser is.
        given().redirects().follow(false).accept("*/*").get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).accept("application/json").get("/")
                .then().statusCode(401).body("code", equalTo("unauthenticated"))
                .body("error", containsString("Sign in at /login")).body("error", containsString("Authorization: Bearer"));
        given().accept("application/json").get("/api/v1/intents")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
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
            assertTrue(status == 400 || status == 401, path + " answered " + status);
        }
        reviewer.request().urlEncodingEnabled(false).accept("application/json").get("/api;a/v1/me").then().statusCode(400)
                .body("code", equalTo("malformed_address"))
                .body("error", containsString("';'"));
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
        String victim = "csrf-victim-" + System.nanoTime();
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("username", victim).formParam("password", "long-enough-pw").formParam("role", "admin")
                .post("/admin/users")
                .then().statusCode(403).body(containsString("Reload the page"));
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("username", victim).formParam("password", "long-enough-pw").formParam("role", "admin")
                .formParam("csrf-token", "forged-token")
                .post("/admin/users")
                .then().statusCode(403);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername(victim).isEmpty()), "no account was made");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = QuarkusTransaction.requiringNew()
                .call(() -> User.findByUsername("admin").orElseThrow().passwordHash);
        assertTrue(hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$"), hash);
    }
}
