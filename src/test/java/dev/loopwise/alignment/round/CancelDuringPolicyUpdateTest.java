package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A round asked to update the policy for many epochs spends minutes in that one step: a cancel sent meanwhile, from any
 * instance, stops it within seconds rather than once the step ends.
 */
@QuarkusTest
class CancelDuringPolicyUpdateTest {
    @Inject
    ReviewService review;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;

    @Test
    void aCancelStopsALongPolicyUpdateWithinSeconds() {
        ActiveModel.await();
        // Enough tickets that the held-out split by ticket hash leaves some on each side: 30 judgements of a few tickets once
        // all fell on the training side, and the round failed before its policy update.
        assertEquals(90, Judgements.judgeShorterIsBetter(review, users, 90), "the queue kept up");
        Caller admin = Caller.apiKey(keys, "admin");
        long id = ((Number) admin.request().contentType("application/json")
                .body("{\"rewardModel\":\"vector\",\"policyEpochs\":" + RoundRequests.MAX_EPOCHS + "}")
                .post("/api/v1/rounds").then().statusCode(202).extract().path("roundId")).longValue();
        JsonPath updating = await(admin, id, Duration.ofSeconds(180),
                round -> String.valueOf(round.getString("step")).startsWith("Choosing better replies")
                        || !Set.of("queued", "running").contains(round.getString("status")));
        assertEquals("running", updating.getString("status"), updating.prettify());
        assertTrue(updating.getString("step").startsWith("Choosing better replies"), updating.prettify());

        admin.request().contentType("application/json").post("/api/v1/rounds/" + id + "/cancel").then().statusCode(200);
        JsonPath ended = await(admin, id, Duration.ofSeconds(60), round -> !Set.of("queued", "running").contains(round.getString("status")));
        assertEquals("cancelled", ended.getString("status"), ended.prettify());
        assertNull(ended.get("candidateVersion"), "a cancelled round makes no version");
    }

    private static JsonPath await(Caller admin, long id, Duration limit, Predicate<JsonPath> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonPath round = admin.request().get("/api/v1/rounds/" + id).then().statusCode(200).extract().jsonPath();
        while (!done.test(round)) {
            assertTrue(System.nanoTime() < deadline, "still " + round.getString("status") + " after " + limit.toSeconds() + " s: "
                    + round.getString("step"));
            LockSupport.parkNanos(200_000_000L);
            round = admin.request().get("/api/v1/rounds/" + id).then().statusCode(200).extract().jsonPath();
        }
        return round;
    }
}
