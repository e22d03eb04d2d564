package dev.loopwise.security.user;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A service account has no password, on create and on every change, through the API and the Users page alike. */
@QuarkusTest
class ServiceAccountPasswordTest {
    private static final String NO_PASSWORD = "A service account has no password: it uses API keys only";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void theApiRefusesAPasswordOnAServiceAccountAndAPersonsRoleWithoutOne() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("application/json").body("{\"username\":\"svc-x" + System.nanoTime() % 100000
                        + "\",\"password\":\"long-enough-pw\",\"roles\":\"service\"}")
                .post("/api/v1/users").then().statusCode(400).body("code", equalTo("service_password"))
                .body("error", containsString(NO_PASSWORD));
        User service = newService();
        String hash = hashOf(service.id);
        admin.request().contentType("application/json").body("{\"password\":\"long-enough-pw\"}")
                .patch("/api/v1/users/" + service.id).then().statusCode(400).body("code", equalTo("service_password"))
                .body("error", containsString(NO_PASSWORD)).body("error", containsString("Nothing was changed."));
        admin.request().contentType("application/json").body("{\"roles\":\"reviewer\"}")
                .patch("/api/v1/users/" + service.id).then().statusCode(400).body("code", equalTo("password_needed"))
                .body("error", containsString("The service account " + service.username + " has no password, and the role reviewer"
                        + " signs in with one: set a new password"));
        assertEquals("service", rolesOf(service.id));
        assertEquals(hash, hashOf(service.id));

        // A reviewer given the service role in the same request as a password: the password would never work either.
        User reviewer = ScratchAccounts.user(users.create("rev-s" + System.nanoTime() % 100000, "long-enough-pw", "reviewer", null));
        admin.request().contentType("application/json").body("{\"roles\":\"service\",\"password\":\"another-long-pw\"}")
                .patch("/api/v1/users/" + reviewer.id).then().statusCode(400).body("code", equalTo("service_password"));
        assertEquals("reviewer", rolesOf(reviewer.id));

        // With the password in the same request the service account becomes a reviewer who signs in with it.
        admin.request().contentType("application/json").body("{\"roles\":\"reviewer\",\"password\":\"long-enough-pw\"}")
                .patch("/api/v1/users/" + service.id).then().statusCode(200).body("roles", org.hamcrest.Matchers.contains("reviewer"));
        Caller.session(service.username, "long-enough-pw");
    }

    @Test
    void theUsersPageShowsTheSameRefusalsAndChangesNothing() {
        User service = newService();
        String hash = hashOf(service.id);
        Caller admin = Caller.session("admin");
        change(admin, service.id, "service", "long-enough-pw").then().statusCode(400).body(containsString(NO_PASSWORD))
                .body(containsString("class=\"alert error\""));
        change(admin, service.id, "reviewer", "").then().statusCode(400)
                .body(containsString("has no password, and the role reviewer signs in with one"));
        assertEquals("service", rolesOf(service.id));
        assertEquals(hash, hashOf(service.id));
        assertEquals(service.username, QuarkusTransaction.requiringNew().call(() -> User.<User>findById(service.id).displayName));
    }

    private io.restassured.response.Response change(Caller admin, long id, String role, String password) {
        return admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("displayName", "Renamed on the way").formParam("role", role).formParam("password", password)
                .formParam("status", "enabled").formParam("csrf-token", admin.csrfToken()).post("/admin/users/" + id);
    }

    private User newService() {
        return ScratchAccounts.user(users.create("svc" + System.nanoTime() % 1_000_000, null, "service", null));
    }

    private static String rolesOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).roles);
    }

    private static String hashOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).passwordHash);
    }
}
