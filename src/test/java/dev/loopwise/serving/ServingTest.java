package dev.loopwise.serving;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /respond and /classify through the real pipeline, model and database. */
@QuarkusTest
class ServingTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    EntityManager entityManager;
    Caller client;
    int version;

    @BeforeEach
    void setUp() {
        version = ActiveModel.await();
        client = Caller.service(users, keys);
    }

    @Test
    void respondAnswersWithIntentReplyAndVersionAndFillsTheOrderNumber() {
        Response response = client.request().contentType("application/json")
                .body("{\"text\":\"Can you tell me where my order FH-123456 is right now? I would like the tracking number.\"}")
                .post("/api/v1/respond");
        response.then().statusCode(200)
                .body("requestId", notNullValue())
                .body("intent.label", equalTo("track_order"))
                .body("outOfScope", equalTo(false))
                .body("response.id", notNullValue())
                .body("modelVersion", equalTo(version));
        String reply = response.path("response.text");
        assertTrue(!reply.contains("{{order_number}}"), "the order number slot is filled: " + reply);
        long replyId = ((Number) response.path("response.id")).longValue();
        String written = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select i.name from replies r join intents i on i.id = r.intent_id where r.id = ?1").setParameter(1, replyId).getSingleResult());
        assertEquals(written, response.path("response.intent"), "the reply names the intent it was written for");
    }

    @Test
    void classifyReturnsTheRankedIntents() {
        client.request().contentType("application/json").body("{\"text\":\"I would like to cancel the order I placed this morning\"}")
                .post("/api/v1/classify")
                .then().statusCode(200)
                .body("label", equalTo("cancel_order"))
                .body("top", hasSize(5))
                .body("top[0].label", equalTo("cancel_order"))
                .body("modelVersion", equalTo(version));
    }

    @Test
    void everyCallIsLogged() {
        String text = "Logged request " + UUID.randomUUID() + ": my discount code does not work";
        String id = client.request().contentType("application/json").body("{\"text\":\"" + text + "\"}").post("/api/v1/respond")
                .then().statusCode(200).extract().path("requestId");
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select text, intent, model_version, latency_ms, caller, endpoint from served_requests where id = cast(?1 as uuid)")
                .setParameter(1, id).getSingleResult());
        assertEquals(text, row[0]);
        assertEquals("discount_code_problem", row[1]);
        assertEquals(version, ((Number) row[2]).intValue());
        assertTrue(((Number) row[3]).doubleValue() > 0);
        assertEquals(client.username, row[4]);
        assertEquals("respond", row[5]);
    }

    @Test
    void emptyMissingOversizedAndNonTextInputIsRefused() {
        client.request().contentType("application/json").body("{\"text\":\"   \"}").post("/api/v1/respond")
                .then().statusCode(400).body("error", containsString("empty"));
        // Text that shows nothing (zero-width spaces, a byte-order mark) is refused too, saying it is invisible, not traffic to log.
        client.request().contentType("application/json").body("{\"text\":\"\\u200b\\u200b\\ufeff \"}").post("/api/v1/respond")
                .then().statusCode(400).body("error", containsString("invisible"));
        client.request().contentType("application/json").body("{}").post("/api/v1/respond")
                .then().statusCode(400).body("error", containsString("missing"));
        client.request().contentType("application/json").post("/api/v1/classify")
                .then().statusCode(400);
        client.request().contentType("application/json").body("{\"text\":42}").post("/api/v1/respond")
                .then().statusCode(400).body("code", equalTo("malformed_json"));
        client.request().contentType("application/json").body("{\"text\":[\"a\"]}").post("/api/v1/classify")
                .then().statusCode(400).body("code", equalTo("malformed_json"));
        client.request().contentType("application/json").body("{\"text\":\"" + "a".repeat(10001) + "\"}").post("/api/v1/respond")
                .then().statusCode(400).body("code", equalTo("text_too_long")) // the numbers as the ticket import writes them
                .body("error", equalTo("The text has 10,001 characters, and Loopwise answers tickets of at most 4,000: send the customer's message only."));
        client.request().contentType("application/json").body("{\"text\":\"where is\\u0007 my order\"}").post("/api/v1/respond")
                .then().statusCode(400).body("code", equalTo("invalid_text"))
                .body("error", containsString("control character (U+0007 at character 9)"));
        client.request().contentType("application/json").body("{\"text\":\"where is\\tmy\\r\\norder\"}").post("/api/v1/classify")
                .then().statusCode(200);
        // Characters as a person counts them: 3,000 emoji are 3,000 characters, within the limit of 4,000.
        client.request().contentType("application/json; charset=UTF-8").body(("{\"text\":\"" + "\uD83D\uDE00".repeat(3000) + "\"}")
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/classify").then().statusCode(200);
    }

    @Test
    void concurrentRequestsAreAllAnsweredCorrectly() throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        try {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                futures.add(pool.submit(() -> client.request().contentType("application/json")
                        .body("{\"text\":\"please cancel my order number " + (100000 + n) + " right away\"}")
                        .post("/api/v1/classify").then().statusCode(200).extract().path("label")));
            }
            for (var f : futures) {
                assertEquals("cancel_order", f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
