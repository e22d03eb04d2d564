package dev.loopwise.security.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a person is told when an account may not sign in, and which new passwords are refused as guessable. */
@QuarkusTest
class SignInRefusalsTest {
    private static final String PASSWORD = "a-fine-password-7";

    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;

    @Test
    void aDisabledAccountIsToldSoOnlyWithItsRightPassword() {
        User user = ScratchAccounts.user(users.create("off" + System.nanoTime() % 1_000_000, PASSWORD, "reviewer", null));
        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"disabled\":true}")
                .patch("/api/v1/users/" + user.id).then().statusCode(200);

        String location = signIn(user.username, PASSWORD).then().statusCode(303)
                .header("Location", endsWith("/login?error=disabled")).extract().header("Location");
        given().get(location.substring(location.indexOf("/login"))).then().statusCode(403)
                .body(containsString("This account is disabled, so it cannot sign in"))
                .body(containsString("Ask an admin of Loopwise to enable it again under Users."));
        // A wrong password learns nothing about the account.
        signIn(user.username, "not-" + PASSWORD).then().statusCode(303).header("Location", endsWith("/login?error=true"));
        // The wrong password's page says nothing of the account (the note kept for a disabled reviewer's unsent choice is on every sign-in page, hidden).
        given().get("/login?error=true").then().statusCode(401).body(not(containsString(AccountMessages.SIGN_IN_DISABLED)))
                .body(not(containsString("account is disabled")));

        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"disabled\":false}")
                .patch("/api/v1/users/" + user.id).then().statusCode(200);
        Caller.session(user.username, PASSWORD);
    }

    @Test
    void guessablePasswordsAreRefusedAndNoAccountIsMade() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String guessable : new String[] {"aaaaaaaaaaaa", "1212121212", "abcabcabcabc", "0123456789", "ZYXWVUTSRQPO"}) {
            String name = "weak" + System.nanoTime() % 1_000_000;
            admin.request().contentType("application/json")
                    .body("{\"username\":\"" + name + "\",\"password\":\"" + guessable + "\",\"roles\":\"reviewer\"}")
                    .post("/api/v1/users").then().statusCode(400).body("code", equalTo("weak_password"))
                    .body("error", equalTo(AccountMessages.PASSWORD_GUESSABLE));
            assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).isEmpty()), guessable);
        }
        // The Users page says the same, and keeps what was typed but the password.
        Caller lead = Caller.session("admin");
        String name = "weakpage" + System.nanoTime() % 1_000_000;
        lead.request().accept("text/html").contentType("application/x-www-form-urlencoded").formParam("username", name)
                .formParam("password", "1111111111").formParam("role", "reviewer").formParam("csrf-token", lead.csrfToken())
                .post("/admin/users").then().statusCode(400).body(containsString("This password is among the first anyone guesses"))
                .body(containsString("value=\"" + name + "\""));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).isEmpty()));
        // An ordinary passphrase still goes through.
        User made = ScratchAccounts.user(users.create("fine" + System.nanoTime() % 1_000_000, "correct horse battery", "reviewer", null));
        Caller.session(made.username, "correct horse battery");
    }

    /** A phone capitalises the first letter of the username field, and a pasted name can bring a space. */
    @Test
    void aUsernameTypedWithCapitalsOrSpacesSignsInToThatAccount() {
        User user = ScratchAccounts.user(users.create("caps" + System.nanoTime() % 1_000_000, PASSWORD, "reviewer", null));
        Response signedIn = signIn(" " + user.username.substring(0, 1).toUpperCase(Locale.ROOT) + user.username.substring(1) + " ", PASSWORD);
        signedIn.then().header("Location", not(containsString("/login")));
        given().redirects().follow(false).cookies(signedIn.getCookies()).accept("text/html").get("/review").then().statusCode(200);
    }

    private static Response signIn(String username, String password) {
        return given().redirects().follow(false).header("Origin", Caller.origin()).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }
}
