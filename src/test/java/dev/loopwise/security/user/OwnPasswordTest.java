package dev.loopwise.security.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** People change their own password with the current one, and a change or an admin's reset ends every other session. */
@QuarkusTest
class OwnPasswordTest {
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String PASSWORD = "first-password-1";

    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;

    @Test
    void peopleChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
        User user = newUser("reviewer");
        Caller me = Caller.session(user.username, PASSWORD);
        // A link cannot tell someone whose password never changed that it did.
        me.request().accept("text/html").get("/account?password=changed").then().statusCode(200)
                .body(not(containsString(AccountMessages.PASSWORD_CHANGED)));
        changePassword(me, "not-my-password", "brand-new-password", "brand-new-password")
                .then().statusCode(400).body(containsString("current password is not right"));
        changePassword(me, PASSWORD, "brand-new-password", "brand-new-passwrd")
                .then().statusCode(400).body(containsString("two new passwords differ"));
        changePassword(me, PASSWORD, "short", "short").then().statusCode(400).body(containsString("at least"));
        // A form carries what the JSON reader would refuse: the rule itself must.
        changePassword(me, PASSWORD, "brand-new\u0000password", "brand-new\u0000password").then().statusCode(400)
                .body(containsString("control characters"));
        signIn(user.username, "brand-new-password").then().statusCode(303);

        // Answered with another address, so that a reload does not send the old password again.
        changePassword(me, PASSWORD, "brand-new-password", "brand-new-password")
                .then().statusCode(303).header("Location", endsWith("/account?password=changed"));
        signIn(user.username, PASSWORD).then().statusCode(303).header("Location", endsWith("/login?error=true"));
        Caller.session(user.username, "brand-new-password");
    }

    @Test
    void passwordChangesAndResetsEndEveryOtherSession() {
        User user = newUser("reviewer");
        Caller here = Caller.session(user.username, PASSWORD);
        Caller elsewhere = Caller.session(user.username, PASSWORD);
        var copied = here.cookies();
        Response changed = changePassword(here, PASSWORD, "second-password-2", "second-password-2");
        assertEquals(303, changed.statusCode());
        // The session that changed it goes on with its renewed stamp; every other one has ended.
        String renewed = changed.getCookie(SessionStamps.COOKIE);
        assertTrue(renewed != null && !renewed.equals(copied.get(SessionStamps.COOKIE)), "the stamp is renewed");
        var continued = new HashMap<>(copied);
        continued.put(SessionStamps.COOKIE, renewed);
        given().redirects().follow(false).cookies(continued).accept("text/html").get("/review").then().statusCode(200);
        given().redirects().follow(false).cookies(continued).accept("text/html").get("/account?password=changed").then()
                .statusCode(200).body(containsString("Your password is changed."));
        elsewhere.request().accept("text/html").get("/review").then().statusCode(303).header("Location", containsString("/login"));
        given().redirects().follow(false).cookies(copied).accept("text/html").get("/review").then().statusCode(303);

        Caller fresh = Caller.session(user.username, "second-password-2");
        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"password\":\"third-password-3\"}")
                .patch("/api/v1/users/" + user.id).then().statusCode(200);
        fresh.request().accept("text/html").get("/review").then().statusCode(303);

        Caller again = Caller.session(user.username, "third-password-3");
        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"roles\":\"admin\"}")
                .patch("/api/v1/users/" + user.id).then().statusCode(200);
        again.request().accept("text/html").get("/review").then().statusCode(303);
        // A change that touches neither password, role nor status leaves sessions alone.
        Caller stays = Caller.session(user.username, "third-password-3");
        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"displayName\":\"Renamed\"}")
                .patch("/api/v1/users/" + user.id).then().statusCode(200);
        for (String invisible : new String[] {"\\u200d", "\\u0301"}) {
            Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"displayName\":\"" + invisible + "\"}")
                    .patch("/api/v1/users/" + user.id).then().statusCode(400).body("code", equalTo("invalid_display_name"));
        }
        stays.request().accept("text/html").get("/admin").then().statusCode(200);
    }

    private User newUser(String role) {
        return ScratchAccounts.user(users.create("pass" + UNIQUE.incrementAndGet() + "-" + System.nanoTime() % 100000, PASSWORD, role, null));
    }

    private static Response changePassword(Caller caller, String current, String fresh, String repeated) {
        return caller.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("currentPassword", current).formParam("newPassword", fresh).formParam("repeatPassword", repeated)
                .formParam("csrf-token", caller.csrfToken())
                .post("/account/password");
    }

    private static Response signIn(String username, String password) {
        return given().redirects().follow(false).header("Origin", Caller.origin()).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }
}
