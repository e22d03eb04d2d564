package dev.loopwise.security.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Revoked keys stay on record, so an account that rotates its keys gathers more of them every month: the account page reads
 * the keys in use and the newest revoked ones only, saying how many revoked ones there are, and the API lists them a page at
 * a time.
 */
@QuarkusTest
class KeyListingTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final String PASSWORD = "long-enough-password";

    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void theAccountPageListsKeysInUseAndTheNewestRevokedOnesAndTheApiPagesThroughAll() {
        String username = "rotating-" + UUID.randomUUID().toString().substring(0, 8);
        long userId = users.create(username, PASSWORD, Role.REVIEWER, null).id;
        try {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                ids.add(keys.create(username, "key " + i).key().id);
            }
            // The oldest key is still in use; the twelve after it were rotated out; the newest is in use.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update api_keys set revoked_at = now() where id = any(?1)")
                    .setParameter(1, ids.subList(1, 13).toArray(Long[]::new)).executeUpdate());

            String page = Caller.session(username, PASSWORD).pageRequest().accept("text/html").get("/account").then().statusCode(200)
                    .extract().asString();
            List<String> names = new ArrayList<>();
            Matcher name = Pattern.compile("<td data-label=\"Name\" class=\"wrap\">([^<]+)</td>").matcher(page);
            while (name.find()) {
                names.add(name.group(1));
            }
            assertEquals(List.of("key 13", "key 12", "key 11", "key 10", "key 9", "key 8", "key 7", "key 6", "key 5", "key 4", "key 3",
                    "key 0"), names, "both keys in use, the newest 10 revoked ones, newest first");
            assertTrue(page.contains("<p class=\"muted\" id=\"revoked-keys-shown\">The newest 10 of 12 revoked keys are shown; "
                    + "GET /api/v1/keys lists every one, a page at a time.</p>"), page);

            Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
            String next = "/api/v1/keys?username=" + username + "&limit=5";
            List<Long> walked = new ArrayList<>();
            while (next != null) {
                Response response = admin.request().get(next).then().statusCode(200).extract().response();
                List<Long> shown = response.jsonPath().getList("id", Long.class);
                assertTrue(shown.size() <= 5, next + ": " + shown);
                walked.addAll(shown);
                Matcher link = NEXT.matcher(String.valueOf(response.header("Link")));
                next = link.find() ? link.group(1) : null;
                if (walked.size() == ids.size()) {
                    assertNull(next, "no page after the oldest key");
                }
            }
            List<Long> newestFirst = new ArrayList<>(ids);
            Collections.reverse(newestFirst);
            assertEquals(newestFirst, walked, "every key once, newest first");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from api_keys where user_id = ?1").setParameter(1, userId).executeUpdate();
                em.createNativeQuery("delete from users where id = ?1").setParameter(1, userId).executeUpdate();
            });
        }
    }
}
