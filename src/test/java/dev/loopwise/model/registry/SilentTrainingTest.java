package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * A training whose instance died looks in progress until another instance marks it failed (its heartbeat two minutes
 * stale, by default): meanwhile the Models page says when that instance was last heard from and when the run will be
 * marked failed, in place of a bar that would sit still. The heartbeat is written by hand into a running run's row, as
 * a dead instance leaves it.
 */
@QuarkusTest
class SilentTrainingTest {
    @Inject
    ApiKeyService keys;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'");

    @Test
    void aRunNotHeardFromSaysSoAndWhenItWillBeMarkedFailedInsteadOfItsBar() {
        ActiveModel.awaitNoTraining();
        // Older than one missed beat, younger than the two minutes after which the reclaim check would fail it.
        OffsetDateTime lastHeard = OffsetDateTime.now().minusSeconds(45);
        long id = running(lastHeard);
        try {
            String said = "No word from the instance running it since " + lastHeard.atZoneSameInstant(ZoneOffset.UTC).format(CLOCK)
                    + " — it will be marked failed at about " + lastHeard.plusMinutes(2).atZoneSameInstant(ZoneOffset.UTC).format(CLOCK)
                    + " if it does not come back.";
            String page = Caller.session("admin").request().accept("text/html").get("/admin/models?run=" + id).then().statusCode(200)
                    .extract().asString();
            String box = page.substring(page.indexOf("id=\"run\""), page.indexOf("id=\"run-error\""));
            assertTrue(box.contains("Training run " + id), box);
            assertTrue(box.contains("<p id=\"run-silent\" class=\"alert warning\" role=\"status\">" + said), box);
            assertTrue(box.contains("<span id=\"run-moving\" hidden>"), "the bar that would sit still is hidden: " + box);
            // The page's progress follows the run through this address: it says the same, and so does the API.
            JsonPath polled = Caller.session("admin").request().accept("application/json").get("/admin/models/runs/" + id)
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(polled.getString("silence").startsWith(said), polled.prettify());
            assertEquals(polled.getString("silence"), Caller.apiKey(keys, "admin").request().get("/api/v1/training-runs/" + id).then().statusCode(200)
                    .extract().jsonPath().getString("silence"));

            // Heard from again: the bar is back, and nothing is said.
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.<TrainingRun>findById(id).heartbeatAt = OffsetDateTime.now());
            String back = Caller.session("admin").request().accept("text/html").get("/admin/models?run=" + id).then().statusCode(200)
                    .extract().asString();
            assertTrue(back.contains("<p id=\"run-silent\" class=\"alert warning\" role=\"status\" hidden></p>")
                    && back.contains("<span id=\"run-moving\">"), back);
            assertFalse(back.contains("No word from"), back);
            assertNull(Caller.session("admin").request().accept("application/json").get("/admin/models/runs/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("silence"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }

    /** A run row as a worker keeps it while training, last heard from at {@code lastHeard}; the test removes it again. */
    private static long running(OffsetDateTime lastHeard) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun run = new TrainingRun();
            run.status = TrainingRun.RUNNING;
            run.progress = 0.3;
            run.step = "Fine-tuning: epoch 3 of 8";
            run.startedBy = "test";
            run.heartbeatAt = lastHeard;
            run.persist();
            return run.id;
        });
    }
}
