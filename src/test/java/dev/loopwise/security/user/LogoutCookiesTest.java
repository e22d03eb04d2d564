package dev.loopwise.security.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signing out expires both cookies with the attributes they were set with: a cookie store may keep an HttpOnly cookie
 * that an expiry without those attributes does not match, and the stamp's expiry had no path at all.
 */
@QuarkusTest
class LogoutCookiesTest {
    @Test
    void bothCookiesExpireWithThePathAndFlagsTheyWereSetWith() {
        Caller reviewer = Caller.session("reviewer2");
        Response logout = reviewer.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", reviewer.csrfToken()).post("/logout");
        assertEquals(303, logout.statusCode());
        List<String> set = logout.headers().getValues("Set-Cookie");
        for (String cookie : List.of("loopwise-session", "loopwise-session-stamp")) {
            assertTrue(set.stream().anyMatch(c -> c.matches(cookie + "=; Max-Age=0; Expires=[^;]+; Path=/; HTTPOnly; SameSite=Strict")),
                    cookie + " in " + set);
        }
    }
}
