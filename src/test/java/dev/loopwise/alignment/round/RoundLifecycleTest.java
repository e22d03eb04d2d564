package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rounds against the real database and model: a training run and a round finishing side by side, and a round
 * overtaken by a rollback (heartbeats and failures, on rows written straight into the table: {@link RoundJobStatesTest}).
 * The two rounds started through the API are kept, since the versions they made were active or the one before
 * (rollback needs them) and later rounds count the judgements they took as already learned from.
 */
@QuarkusTest
class RoundLifecycleTest {
    @Inject
    ReviewService review;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    /** Versions copied here directly; the rounds started through the API stay (see the class note). */
    private final List<Integer> copies = new ArrayList<>();
    /** The version active when a test began, served again after it even when a check failed half-way. */
    private Integer base;

    @AfterEach
    void removeRoundsAndCopiesWrittenHere() {
        try {
            // A round or training a failed check left running would promote its version after the restore.
            RoundWaits.noRoundRunning(em, List.of());
            ActiveModel.awaitNoTraining();
            if (base != null) {
                restore(Caller.apiKey(keys, "admin"), base);
            }
        } finally {
            // Whatever the wait or the restore met, the copies written here go; one still active stays, as it is served.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from model_versions where version = any(?1)"
                    + " and status <> 'active'").setParameter(1, copies.toArray(Integer[]::new)).executeUpdate());
        }
    }

    /** One process trains one job at a time (DJL's limit), so here they take turns; each still gets its own number. */
    @Test
    void aTrainingRunAndARoundStartedTogetherBothEndWithTheirOwnVersion() {
        int base = ActiveModel.await();
        this.base = base;
        Judgements.judgeShorterIsBetter(review, users, 60);
        ActiveModel.awaitNoTraining();
        Caller admin = Caller.apiKey(keys, "admin");
        long round = start(admin, "{\"policyEpochs\":3}");
        long run = ((Number) admin.request().contentType("application/json").body("{\"regime\":\"prototypes\"}").post("/api/v1/models/train")
                .then().statusCode(202).extract().path("runId")).longValue();
        JsonPath finishedRound = awaitRound(admin, round);
        JsonPath finishedRun = awaitRun(admin, run);
        assertEquals("succeeded", finishedRun.getString("status"), finishedRun.prettify());
        assertNotEquals("failed", finishedRound.getString("status"), finishedRound.prettify());
        int trained = finishedRun.getInt("version");
        int candidate = finishedRound.getInt("candidateVersion");
        assertNotEquals(trained, candidate);
        assertTrue(trained > base && candidate > base);
    }

    @Test
    void aRoundWhoseBaseWasRolledBackMeanwhileEndsSupersededAndChangesNothing() {
        int base = ActiveModel.await();
        this.base = base;
        Judgements.judgeShorterIsBetter(review, users, 60);
        Caller admin = Caller.apiKey(keys, "admin");
        int other = copyOf(base);
        copies.add(other);
        long round = start(admin, "{\"policyEpochs\":60}");
        awaitBase(admin, round);
        // While the round trains on v<base>, an admin switches to another version.
        admin.request().contentType("application/json").post("/api/v1/models/" + other + "/promote").then().statusCode(200);

        JsonPath finished = awaitRound(admin, round);
        assertEquals("superseded", finished.getString("status"), finished.prettify());
        assertTrue(finished.getString("statusText").contains("active version changed"), finished.getString("statusText"));
        assertFalse(finished.getBoolean("promoted"));
        assertTrue(finished.getString("reason").contains("v" + base), finished.getString("reason"));
        assertEquals(other, active(), "the admin's choice stands");
        String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + round).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("not promoted: the active version changed while it ran"), page);
    }

    /** Another version to switch to, removed after the test: left behind, it is newer than the active one (see the Models page). */
    private int copyOf(int version) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics)
                select nextval('model_version_numbers'), 'candidate', encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics
                from model_versions where version = ?1 returning version""").setParameter(1, version).getSingleResult()).intValue());
    }

    private static int active() {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.findActive().orElseThrow().version);
    }

    private static void restore(Caller admin, int base) {
        if (active() != base) {
            admin.request().contentType("application/json").post("/api/v1/models/" + base + "/rollback").then().statusCode(200);
        }
        ActiveModel.await();
    }

    private static long start(Caller admin, String body) {
        return ((Number) admin.request().contentType("application/json").body(body).post("/api/v1/rounds")
                .then().statusCode(202).extract().path("roundId")).longValue();
    }

    private static void awaitBase(Caller admin, long round) {
        RoundWaits.await(() -> {
            JsonPath r = admin.request().get("/api/v1/rounds/" + round).then().statusCode(200).extract().jsonPath();
            assertFalse(List.of("promoted", "rejected", "needs_evidence", "failed").contains(r.getString("status")), r.prettify());
            return r.get("baseVersion") != null ? r : null;
        }, "the round never read its base version");
    }

    private static JsonPath awaitRound(Caller admin, long round) {
        return RoundWaits.await(() -> {
            JsonPath r = admin.request().get("/api/v1/rounds/" + round).then().statusCode(200).extract().jsonPath();
            return List.of("queued", "running").contains(r.getString("status")) ? null : r;
        }, "round " + round + " did not finish");
    }

    private static JsonPath awaitRun(Caller admin, long run) {
        return RoundWaits.await(() -> {
            JsonPath r = admin.request().get("/api/v1/training-runs/" + run).then().statusCode(200).extract().jsonPath();
            return List.of("queued", "running").contains(r.getString("status")) ? null : r;
        }, "training run " + run + " did not finish");
    }
}
