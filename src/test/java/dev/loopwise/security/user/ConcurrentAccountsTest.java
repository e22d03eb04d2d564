package dev.loopwise.security.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.AtOnce;
import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests that change accounts at the same moment: each sees what the one before it wrote. */
@QuarkusTest
class ConcurrentAccountsTest {
    private static final int TOGETHER = 6;

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    private final List<String> made = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void removeAccounts() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!made.isEmpty()) {
                User.delete("username in ?1", made);
            }
        });
    }

    @Test
    void oneOfManyRequestsForOneUsernameGetsItTheOthersAreToldItIsTaken() throws Exception {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        for (int round = 0; round < 3; round++) {
            String name = "twin-" + UUID.randomUUID().toString().substring(0, 8);
            made.add(name);
            List<Response> answers = AtOnce.times(TOGETHER, () -> admin.request().contentType("application/json")
                    .body("{\"username\":\"" + name + "\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}")
                    .post("/api/v1/users"));
            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
            assertEquals(TOGETHER - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
            for (Response answer : answers) {
                if (answer.statusCode() == 409) {
                    assertEquals("username_taken", answer.jsonPath().getString("code"));
                    assertEquals("The username '" + name + "' is already taken; choose another.", answer.jsonPath().getString("error"));
                }
            }
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> User.count("username", name)));
        }
    }

    @Test
    void anAccountDisabledWhileItsPasswordChangesStaysDisabled() throws Exception {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        for (int round = 0; round < 3; round++) {
            String name = "changing-" + UUID.randomUUID().toString().substring(0, 8);
            made.add(name);
            long id = users.create(name, "long-enough-pw", Role.REVIEWER, null).id;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // The password change hashes for a while after reading the account; the admin's change lands meanwhile.
                Future<String> byAdmin = pool.submit(() -> admin.request().contentType("application/json")
                        .body("{\"password\":\"another-long-pw\"}").patch("/api/v1/users/" + id).statusLine());
                Future<?> own = pool.submit(() -> {
                    try {
                        users.changeOwnPassword(name, "long-enough-pw", "own-long-enough-pw", "own-long-enough-pw");
                    } catch (ApiException e) {
                        // the admin's new password came first: the old one no longer matches
                    }
                });
                Thread.sleep(40);
                admin.request().contentType("application/json").body("{\"disabled\":true}").patch("/api/v1/users/" + id)
                        .then().statusCode(200);
                byAdmin.get(60, TimeUnit.SECONDS);
                own.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            User after = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id));
            assertEquals(false, after.isEnabled(), "round " + round + ": the account was enabled again");
        }
    }

}
