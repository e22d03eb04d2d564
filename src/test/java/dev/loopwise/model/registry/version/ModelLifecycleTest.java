package dev.loopwise.model.registry.version;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.HeldTrainingSlot;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Training through the API, held-out metrics, promotion, rollback, and the single active version. */
@QuarkusTest
public class ModelLifecycleTest {
    @Inject
    ApiKeyService keys;
    @Inject
    ModelRegistry registry;
    @Inject
    EntityManager entityManager;

    @Test
    void trainPromoteServeAndRollBack() {
        int first = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        int candidate = trainAndWait(admin, "{\"regime\":\"few_shot\"}");
        admin.request().get("/api/v1/models/" + candidate).then().statusCode(200)
                .body("status", equalTo("candidate"))
                .body("regime", equalTo("prototypes")) // stored as the head's few_shot, reported as the Train button names it
                .body("metrics.'intent/regime'", equalTo("prototypes"))
                .body("metrics.'data/test_tickets'", greaterThan(30))
                .body("metrics.'intent/accuracy'", greaterThan(0.5f));

        admin.request().contentType("application/json").post("/api/v1/models/" + candidate + "/rollback").then().statusCode(409).body("code", equalTo("never_served"));
        // A caller that decided on another active version than the one serving now is refused; the one it saw goes through.
        int serving = servedVersion(admin);
        try {
            promoteRollBackAndReload(admin, candidate, serving);
        } finally {
            // Should an assertion fail while the candidate serves, later tests still find the version they expect.
            if (active() != serving) {
                admin.request().contentType("application/json").post("/api/v1/models/" + serving + "/rollback").then().statusCode(200);
            }
            ActiveModel.await();
        }
        assertTrue(first >= 1);
    }

    private void promoteRollBackAndReload(Caller admin, int candidate, int serving) {
        admin.request().contentType("application/json").post("/api/v1/models/" + candidate + "/promote?expectedActive=" + (serving + 1000))
                .then().statusCode(409).body("code", equalTo("active_changed"));
        assertEquals(serving, servedVersion(admin));
        admin.request().contentType("application/json").post("/api/v1/models/" + candidate + "/promote?expectedActive=" + serving)
                .then().statusCode(200).body("status", equalTo("active"));
        assertEquals(candidate, servedVersion(admin));
        admin.request().contentType("application/json").post("/api/v1/models/" + candidate + "/promote").then().statusCode(409).body("code", equalTo("already_active"));

        // This test's own promotion, not whichever activation happens to be the newest.
        int previous = QuarkusTransaction.requiringNew().call(() -> ModelActivation.<ModelActivation>find(
                "version = ?1 order by id desc", candidate).firstResult().previousVersion);
        assertEquals(serving, previous, "the promotion records the version it replaced");
        admin.request().contentType("application/json").post("/api/v1/models/" + previous + "/rollback").then().statusCode(200).body("status", equalTo("active"));
        assertEquals(previous, servedVersion(admin));

        // What a restart does: read the active version from the database again.
        registry.reload();
        assertEquals(previous, registry.current().orElseThrow().version());
    }

    private static int active() {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.findActive().orElseThrow().version);
    }

    @Test
    void theDatabaseNeverHoldsTwoActiveVersions() {
        ActiveModel.await();
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics) "
                        + "select version + 1000, 'active', encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics "
                        + "from model_versions where status = 'active'").executeUpdate()));
        long active = QuarkusTransaction.requiringNew().call(() -> ModelVersion.count("status", ModelVersion.ACTIVE));
        assertEquals(1, active);
    }

    @Test
    void anUnknownRegimeIsRefused() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("application/json").body("{\"regime\":\"magic\"}").post("/api/v1/models/train")
                .then().statusCode(400).body("code", equalTo("invalid_regime"));
        admin.request().get("/api/v1/models/9999").then().statusCode(404);
        admin.request().contentType("text/plain").body("linear").post("/api/v1/models/train").then().statusCode(415);
    }

    @Test
    void theSameTrainingAgainNamesTheRunAlreadyQueued() {
        ActiveModel.await();
        ActiveModel.awaitNoTraining();
        Caller admin = Caller.apiKey(keys, "admin");
        // The slot held, the first run stays queued while its copy (a double click, a retried call) is sent.
        String[] locations = HeldTrainingSlot.run(() -> {
            var first = admin.request().contentType("application/json").body("{\"regime\":\"linear\"}").post("/api/v1/models/train")
                    .then().statusCode(202).extract();
            var again = admin.request().contentType("application/json").body("{\"regime\":\"linear\"}").post("/api/v1/models/train")
                    .then().statusCode(202).extract();
            long run = ((Number) first.path("runId")).longValue();
            admin.request().contentType("application/json").post("/api/v1/training-runs/" + run + "/cancel").then().statusCode(200);
            assertEquals(run, ((Number) again.path("runId")).longValue(), "the copy shares the queued run");
            return new String[] {first.header("Location"), again.header("Location"), "/api/v1/training-runs/" + run};
        });
        assertEquals(locations[2], URI.create(locations[0]).getPath());
        assertEquals(locations[2], URI.create(locations[1]).getPath(), "the copy's 202 names the same run");
        admin.request().get(URI.create(locations[1]).getPath()).then().statusCode(200)
                .body("runId", equalTo(Integer.parseInt(locations[2].substring(locations[2].lastIndexOf('/') + 1))))
                .body("status", equalTo("cancelled"));
    }

    public static int trainAndWait(Caller admin, String body) {
        dev.loopwise.model.ActiveModel.awaitNoTraining();
        var started = admin.request().contentType("application/json").body(body).post("/api/v1/models/train")
                .then().statusCode(202).extract();
        long run = ((Number) started.path("runId")).longValue();
        assertEquals("/api/v1/training-runs/" + run, URI.create(started.header("Location")).getPath(), "the 202 names the run's address");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            var response = admin.request().get(URI.create(started.header("Location")).getPath()).then().statusCode(200).extract();
            String status = response.path("status");
            if (status.equals("succeeded")) {
                return response.path("version");
            }
            if (status.equals("failed")) {
                throw new AssertionError("training failed: " + response.path("error"));
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("training did not finish");
    }

    private static int servedVersion(Caller caller) {
        return caller.request().contentType("application/json").body("{\"text\":\"I want to return the lamp I bought\"}")
                .post("/api/v1/respond").then().statusCode(200).extract().path("modelVersion");
    }
}
