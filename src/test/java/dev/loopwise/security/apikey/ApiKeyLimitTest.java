package dev.loopwise.security.apikey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Each API key gets so many requests a minute, counted in PostgreSQL; the next one is told when to come back. */
@QuarkusTest
class ApiKeyLimitTest {
    private static final String FEEDBACK = "{\"requestId\":\"00000000-0000-0000-0000-000000000000\",\"rating\":\"up\"}";

    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterAndOtherKeysCarryOn() throws Exception {
        Caller helpdesk = Caller.service(users, keys);
        Caller limited = Caller.apiKey(keys, helpdesk.username);
        String secret = keys.create(helpdesk.username, "limited", 3).secret();
        if (LocalTime.now().getSecond() > 50) {
            // Four requests must fall in one fixed window.
            Thread.sleep((61 - LocalTime.now().getSecond()) * 1000L);
        }
        for (int i = 0; i < 3; i++) {
            feedback(secret).then().statusCode(404);
        }
        Response refused = feedback(secret);
        refused.then().statusCode(429).contentType("application/json")
                .body("code", equalTo("rate_limited")).body("error", containsString("3 requests for this minute"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // The message says when, in the words of the header's value, rather than leaving the header to be found.
        assertTrue(refused.jsonPath().getString("error").contains("try again in " + HttpMessages.about(retryAfter)),
                refused.jsonPath().getString("error"));
        assertEquals(4, requestsThisMinute(secret), "the count is the database's");
        // The OpenAI-compatible endpoint says when in the same header, which OpenAI's SDKs wait for before retrying.
        Response chat = RestAssured.given().header("Authorization", "Bearer " + secret).contentType("application/json")
                .body("{\"model\":\"loopwise\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}]}")
                .post("/v1/chat/completions");
        chat.then().statusCode(429).body("error.code", equalTo("rate_limited"));
        long chatRetryAfter = Long.parseLong(chat.header("Retry-After"));
        assertTrue(chatRetryAfter >= 1 && chatRetryAfter <= 60, "Retry-After " + chatRetryAfter);
        // Another key of the same account has its own count.
        limited.request().contentType("application/json").body(FEEDBACK).post("/api/v1/feedback").then().statusCode(404);
    }

    @Test
    void aWindowThatHasPassedStartsAgain() {
        Caller helpdesk = Caller.service(users, keys);
        String secret = keys.create(helpdesk.username, "limited", 1).secret();
        feedback(secret).then().statusCode(404);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update api_key_windows set window_start = window_start - interval '1 minute', requests = 99
                where key_id = (select id from api_keys where key_hash = ?1)""")
                .setParameter(1, Hashing.sha256Hex(secret)).executeUpdate());
        feedback(secret).then().statusCode(404);
    }

    @Test
    void onlyAdminsSetAKeysLimit() {
        Caller reviewer = Caller.apiKey(keys, "reviewer2");
        reviewer.request().contentType("application/json").body("{\"name\":\"fast\",\"requestsPerMinute\":0}")
                .post("/api/v1/keys").then().statusCode(403);
        Caller.apiKey(keys, "admin").request().contentType("application/json")
                .body("{\"name\":\"bench\",\"requestsPerMinute\":0,\"username\":\"admin\"}")
                .post("/api/v1/keys").then().statusCode(201);
        ScratchAccounts.keyNamed("bench");
    }

    private static Response feedback(String secret) {
        return RestAssured.given().header("Authorization", "Bearer " + secret)
                .contentType("application/json").body(FEEDBACK).post("/api/v1/feedback");
    }

    private int requestsThisMinute(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select w.requests from api_key_windows w join api_keys k on k.id = w.key_id
                where k.key_hash = ?1 and w.window_start = date_trunc('minute', now())""")
                .setParameter(1, Hashing.sha256Hex(secret)).getSingleResult()).intValue());
    }
}
