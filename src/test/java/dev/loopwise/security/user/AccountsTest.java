package dev.loopwise.security.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Accounts over their life: guessing locks them, admins change and disable them (their own passwords: {@link OwnPasswordTest}). */
@QuarkusTest
class AccountsTest {
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String PASSWORD = "first-password-1";

    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    LoginThrottle throttle;

    @Test
    void guessingLocksTheUsernameUntilAnAdminSetsANewPassword() {
        User user = newUser("reviewer");
        for (int i = 1; i < 5; i++) {
            signIn(user.username, "wrong-guess-" + i).then().statusCode(303).header("Location", endsWith("/login?error=true"));
        }
        signIn(user.username, "wrong-guess-5").then().statusCode(303).header("Location", containsString("/login?error=locked&retryAfter="));
        // Even the right password is refused now, with a message saying why.
        String locked = signIn(user.username, PASSWORD).then().statusCode(303)
                .header("Location", containsString("/login?error=locked&retryAfter=")).extract().header("Location");
        // The page says when to try again: the time the lock has left (the tests' lockout is a few minutes), as Retry-After does.
        long left = Long.parseLong(locked.substring(locked.indexOf("retryAfter=") + "retryAfter=".length()));
        assertTrue(left > 0 && left <= throttle.lockoutSeconds(), "left " + left);
        given().get(locked.substring(locked.indexOf("/login"))).then().statusCode(429).header("Retry-After", String.valueOf(left))
                .body(containsString("Too many failed sign-ins: try again in " + HttpMessages.about(left)));
        // An address typed by hand says no more than the lockout.
        given().get("/login?error=locked&retryAfter=99999999").then().statusCode(429)
                .header("Retry-After", String.valueOf(throttle.lockoutSeconds()));
        // Other people are not affected.
        Caller.session("reviewer1");

        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("application/json").body("{\"password\":\"second-password-2\"}")
                .patch("/api/v1/users/" + user.id).then().statusCode(200);
        signIn(user.username, PASSWORD).then().statusCode(303).header("Location", endsWith("/login?error=true"));
        Caller.session(user.username, "second-password-2");
    }

    @Test
    void disablingEndsSessionsKeysAndSignIn() {
        User user = newUser("reviewer");
        Caller session = Caller.session(user.username, PASSWORD);
        Caller key = Caller.apiKey(keys, user.username);
        key.request().get("/api/v1/me").then().statusCode(200);
        session.request().accept("text/html").get("/review").then().statusCode(200);

        Caller admin = Caller.session("admin");
        // An admin gives an account (a helpdesk's service account, typically) a key of its own, shown once.
        // The form answers with a redirect (a refresh must not make a second key), and the page shows the key once.
        io.restassured.response.Response made = admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", "helpdesk").formParam("csrf-token", admin.csrfToken()).post("/admin/users/" + user.id + "/keys");
        made.then().statusCode(303).header("Location", endsWith("/admin/users?keyFor=" + user.username));
        String secret = made.getCookie("loopwise-new-key");
        String issued = admin.request().accept("text/html").cookie("loopwise-new-key", secret).get(made.header("Location"))
                .then().statusCode(200).extract().asString();
        assertTrue(issued.contains("The new API key of <code>" + user.username + "</code>") && issued.contains(secret), issued);
        assertFalse(admin.request().accept("text/html").get(made.header("Location")).asString().contains(secret), "shown once");
        long keyId = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>find("name = ?1 and user.id = ?2", "helpdesk", user.id)
                .firstResult().id);
        assertTrue(issued.contains("/admin/users/" + user.id + "/keys/" + keyId + "/revoke"), "the admin can revoke it");
        // Under another account's address the key is "not found", and stays as it was.
        long otherId = newUser("reviewer").id;
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded").formParam("csrf-token", admin.csrfToken())
                .post("/admin/users/" + otherId + "/keys/" + keyId + "/revoke").then().statusCode(404);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(keyId).revokedAt == null));
        // Said of the key (it used to say "Saved the changes"), and said again from a second tab that revokes it too.
        for (int tab = 0; tab < 2; tab++) {
            String revokedAt = admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", admin.csrfToken()).post("/admin/users/" + user.id + "/keys/" + keyId + "/revoke")
                    .then().statusCode(303).header("Location", endsWith("/admin/users?revokedKey=" + keyId)).extract().header("Location");
            admin.request().accept("text/html").get(revokedAt).then().statusCode(200)
                    .body(containsString(AccountMessages.keyRevoked("helpdesk", user.username, true).replace("'", "&#39;")));
        }
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("status", "disabled").formParam("role", "reviewer").formParam("displayName", "Gone")
                .formParam("csrf-token", admin.csrfToken())
                .post("/admin/users/" + user.id)
                .then().statusCode(303).header("Location", endsWith("/admin/users?updated=" + user.username));
        admin.request().accept("text/html").get("/admin/users").then().statusCode(200).body(containsString("disabled"));
        // The notice says how things stand now: the account is disabled, so none of its keys works.
        admin.request().accept("text/html").get("/admin/users?revokedKey=" + keyId).then().statusCode(200)
                .body(containsString(AccountMessages.keyRevoked("helpdesk", user.username, false).replace("'", "&#39;")));
        // A key revoked a day ago: a link to its notice shows nothing.
        QuarkusTransaction.requiringNew().run(() -> ApiKey.update("revokedAt = ?1 where id = ?2", OffsetDateTime.now().minusDays(1), keyId));
        assertFalse(admin.request().accept("text/html").get("/admin/users?revokedKey=" + keyId).asString().contains("Revoked the API key"));
        // A key for a disabled account would not work until it is enabled again: refused, saying so.
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", "too late").formParam("csrf-token", admin.csrfToken()).post("/admin/users/" + user.id + "/keys")
                .then().statusCode(409).body(containsString("is disabled, and its keys do not work while it is"));
        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"username\":\"" + user.username + "\"}")
                .post("/api/v1/keys").then().statusCode(409).body("code", equalTo("account_disabled"));
        // The notice after a change names an account only if it exists: a link cannot plant a message on the page.
        assertFalse(admin.request().accept("text/html").get("/admin/users?created=bob.%20Sign%20in%20again%20at%20evil.example")
                .asString().contains("evil.example"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(keyId).revokedAt != null));
        // Anything but the two options is refused, and never read as "enabled".
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("status", "bogus").formParam("csrf-token", admin.csrfToken())
                .post("/admin/users/" + user.id)
                .then().statusCode(400).body(containsString("status&#39; cannot be &#39;bogus&#39;: use &#39;enabled&#39; or &#39;disabled"));

        session.request().accept("text/html").get("/review").then().statusCode(303).header("Location", containsString("/login"));
        key.request().get("/api/v1/me").then().statusCode(401);
        signIn(user.username, PASSWORD).then().statusCode(303).header("Location", endsWith("/login?error=disabled"));

        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"disabled\":false}")
                .patch("/api/v1/users/" + user.id).then().statusCode(200).body("disabledAt", equalTo(null));
        key.request().get("/api/v1/me").then().statusCode(200).body("displayName", equalTo("Gone"));
        Caller.session(user.username, PASSWORD);
    }

    @Test
    void adminsCannotLockThemselvesOutNorLeaveNoAdmin() {
        User second = newUser("admin");
        Caller secondAdmin = Caller.apiKey(keys, second.username);
        long adminId = User.findByUsername("admin").orElseThrow().id;
        secondAdmin.request().contentType("application/json").body("{\"disabled\":true}")
                .patch("/api/v1/users/" + second.id).then().statusCode(409).body("code", equalTo("own_account"));
        secondAdmin.request().contentType("application/json").body("{\"roles\":\"reviewer\"}")
                .patch("/api/v1/users/" + second.id).then().statusCode(409).body("code", equalTo("own_admin_role"));
        secondAdmin.request().contentType("application/json").body("{\"roles\":\"boss\"}")
                .patch("/api/v1/users/" + adminId).then().statusCode(400).body("code", equalTo("unknown_role"));
        // Roles as a response shows them (an array) are taken back as they came; other shapes say which ones work.
        secondAdmin.request().contentType("application/json").body("{\"roles\":[\"admin\",\"reviewer\"]}")
                .patch("/api/v1/users/" + adminId).then().statusCode(200).body("roles", org.hamcrest.Matchers.hasItems("admin", "reviewer"));
        secondAdmin.request().contentType("application/json").body("{\"roles\":5}")
                .patch("/api/v1/users/" + adminId).then().statusCode(400).body("code", equalTo("invalid_roles"));
        secondAdmin.request().contentType("application/json").body("{\"password\":\"short\"}")
                .patch("/api/v1/users/" + adminId).then().statusCode(400).body("code", equalTo("weak_password"));
        // Counted as a person counts: five emoji are five characters, not ten; ten spaces are no password.
        for (String weak : new String[] {"\uD83D\uDE00".repeat(5), " ".repeat(12)}) {
            secondAdmin.request().contentType("application/json").body("{\"password\":\"" + weak + "\"}")
                    .patch("/api/v1/users/" + adminId).then().statusCode(400).body("code", equalTo("weak_password"));
        }
        // bcrypt would keep only the first 72 bytes, so any password starting with them would then sign in.
        secondAdmin.request().contentType("application/json").body("{\"password\":\"" + "\u00e9".repeat(37) + "\"}")
                .patch("/api/v1/users/" + adminId).then().statusCode(400).body("code", equalTo("password_too_long"));
        secondAdmin.request().contentType("application/json").body("{\"disabled\":true}")
                .patch("/api/v1/users/987654321").then().statusCode(404);
        // Demoting this admin would be allowed (the demo admin remains); a refused change leaves it whole.
        secondAdmin.request().get("/api/v1/me").then().statusCode(200).body("roles", org.hamcrest.Matchers.hasItem("admin"));
    }

    private User newUser(String role) {
        return ScratchAccounts.user(users.create("acct" + UNIQUE.incrementAndGet() + "-" + System.nanoTime() % 100000, PASSWORD, role, null));
    }

    private static Response signIn(String username, String password) {
        return given().redirects().follow(false).header("Origin", Caller.origin()).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }
}
