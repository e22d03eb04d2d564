package dev.loopwise.model.registry.training;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.encoder.TunedEncoder;
import dev.loopwise.model.registry.version.ModelLifecycleTest;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.ticket.ScratchIntents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code finetune} regime in the running service: a training run tunes the encoder's top layers on the
 * demo workspace (within the test profile's short budget), stores them by content, and the version is
 * served through ONNX Runtime with its own vectors, cached apart from the base encoder's. A cancelled run
 * makes no version and leaves the active one serving.
 */
@QuarkusTest
class FineTunedVersionTest {
    private static final String TEXT = "I want to return the lamp I bought";

    @Inject
    ApiKeyService keys;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void aFineTunedVersionIsServedWithItsOwnEncoder() {
        int active = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        int tuned = ModelLifecycleTest.trainAndWait(admin, "{\"regime\":\"finetune\"}");
        Map<String, Object> version = admin.request().get("/api/v1/models/" + tuned).then().statusCode(200)
                .body("regime", equalTo("finetune"))
                .body("encoder", containsString("+ft:"))
                .extract().path("");
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) version.get("metrics");
        // Held-out demo tickets the tune never saw; the frozen encoder's linear head reaches about 0.9 here.
        assertTrue(((Number) metrics.get("intent/top_intent_accuracy")).doubleValue() > 0.75, "held-out accuracy " + metrics);
        assertTrue(((Number) metrics.get("finetune/trainable_layers")).intValue() >= 1, "tuned layers " + metrics);

        EncoderRef encoder = QuarkusTransaction.requiringNew().call(() -> ModelVersion.findByVersion(tuned).orElseThrow().encoder());
        TunedEncoderWeights weights = QuarkusTransaction.requiringNew().call(() -> TunedEncoder.load(encoder));
        assertTrue(encoder.id().endsWith(TunedEncoderWeights.sha256(weights.toBytes()).substring(0, 16)), "content address");

        // Base and tuned vectors of one text are both cached, each under its own encoder: neither is served for the other.
        float[] base = embeddings.embed(encoder.base(), List.of(TEXT))[0];
        float[] own = embeddings.embed(encoder, List.of(TEXT))[0];
        assertTrue(cosine(base, own) < 0.9999, "a tuned encoder's vector differs from the base's: " + cosine(base, own));
        assertEquals(cosine(own, embeddings.embed(encoder, List.of(TEXT))[0]), 1.0, 1e-6, "read back from the cache");
        assertEquals(cosine(base, embeddings.embed(encoder.base(), List.of(TEXT))[0]), 1.0, 1e-6);

        admin.request().contentType("application/json").post("/api/v1/models/" + tuned + "/promote").then().statusCode(200);
        try {
            admin.request().contentType("application/json").body("{\"text\":\"" + TEXT + "\"}").post("/api/v1/respond")
                    .then().statusCode(200).body("modelVersion", equalTo(tuned)).body("intent.label", equalTo("return_item"));
        } finally {
            admin.request().contentType("application/json").post("/api/v1/models/" + active + "/rollback").then().statusCode(200);
        }
    }

    @Test
    void aFineTuneWithAnIntentWithoutTicketsIsRefusedBeforeItQueues() {
        ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        long intent = ScratchIntents.create("gift_wrapping_no_tickets");
        long lonely = ScratchIntents.create("gift_cards_one_ticket");
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into tickets (text, text_hash, intent_id, source)"
                    + " values ('can I pay with a gift card', 'scratch-gift-card', ?1, 'import')").setParameter(1, lonely).executeUpdate());
            long runsBefore = QuarkusTransaction.requiringNew().call(() -> TrainingRun.count());
            // One ticket is as fatal as none (a run would fail at once): both are named, with what each has.
            admin.request().contentType("application/json").body("{\"regime\":\"finetune\"}").post("/api/v1/models/train")
                    .then().statusCode(409).body("code", equalTo("intents_without_tickets"))
                    .body("error", containsString("gift_wrapping_no_tickets has none"))
                    .body("error", containsString("gift_cards_one_ticket has only 1"));
            assertEquals(runsBefore, (long) QuarkusTransaction.requiringNew().call(() -> TrainingRun.count()), "no run was queued");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from tickets where intent_id = ?1")
                    .setParameter(1, lonely).executeUpdate());
            ScratchIntents.delete(lonely);
            ScratchIntents.delete(intent);
        }
    }

    @Test
    void cancellingATrainingKeepsTheActiveVersionServing() throws InterruptedException {
        int active = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        ActiveModel.awaitNoTraining();
        long versionsBefore = QuarkusTransaction.requiringNew().call(() -> ModelVersion.count());
        long run = ((Number) admin.request().contentType("application/json").body("{\"regime\":\"finetune\"}")
                .post("/api/v1/models/train").then().statusCode(202).extract().path("runId")).longValue();
        awaitStatus(admin, run, "running", Duration.ofSeconds(120));
        admin.request().contentType("application/json").post("/api/v1/training-runs/" + run + "/cancel").then().statusCode(200);
        awaitStatus(admin, run, "cancelled", Duration.ofSeconds(60));

        long versionsAfter = QuarkusTransaction.requiringNew().call(() -> ModelVersion.count());
        assertEquals(versionsBefore, versionsAfter, "no version was made");
        admin.request().contentType("application/json").body("{\"text\":\"" + TEXT + "\"}").post("/api/v1/respond")
                .then().statusCode(200).body("modelVersion", equalTo(active));
        admin.request().contentType("application/json").post("/api/v1/training-runs/" + run + "/cancel").then().statusCode(409)
                .body("code", equalTo("run_finished"));
        assertFalse(admin.request().get("/api/v1/training-runs/" + run).then().extract().path("error") != null);
    }

    private static void awaitStatus(Caller admin, long run, String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = null;
        while (System.nanoTime() < deadline) {
            status = admin.request().get("/api/v1/training-runs/" + run).then().statusCode(200).extract().path("status");
            if (status.equals(wanted)) {
                return;
            }
            if (status.equals("succeeded") || status.equals("failed")) {
                break;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run + " is " + status + ", not " + wanted);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
