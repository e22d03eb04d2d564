package dev.loopwise.alignment.round;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A version trained without library replies has no reply policy: a round on it is refused before it queues, saying why. */
@QuarkusTest
class RoundNeedsPolicyTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aRoundOnAVersionWithoutAReplyPolicyIsRefusedWithTheCauseAndTheWayOut() {
        int base = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        String batch = UUID.randomUUID().toString();
        int bare = QuarkusTransaction.requiringNew().call(() -> {
            // Enough imported pairs that the judgement count is no reason to refuse.
            for (int i = 0; i < RoundService.MIN_COMPARISONS; i++) {
                em.createNativeQuery("insert into imported_preferences (prompt, chosen, rejected, batch, created_by, pair_hash)"
                        + " values ('p', 'a" + i + "', 'b', ?1, 'test', ?2)").setParameter(1, batch)
                        .setParameter(2, Hashing.sha256Hex(batch + i)).executeUpdate();
            }
            ModelVersion active = ModelVersion.findByVersion(base).orElseThrow();
            ModelBundle withoutPolicy = new ModelBundle(active.encoderId, active.bundle().intent(), null);
            byte[] bytes = withoutPolicy.toBytes();
            int version = ModelVersion.nextVersionNumber();
            em.createNativeQuery("""
                    insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics)
                    select ?1, 'candidate', encoder_id, encoder_source, regime, ?2, ?3, lineage, metrics from model_versions where version = ?4""")
                    .setParameter(1, version).setParameter(2, bytes).setParameter(3, Hashing.sha256Hex(bytes)).setParameter(4, base)
                    .executeUpdate();
            return version;
        });
        try {
            admin.request().contentType("application/json").post("/api/v1/models/" + bare + "/promote").then().statusCode(200);
            long rounds = QuarkusTransaction.requiringNew().call(() -> AlignmentRound.count());
            admin.request().contentType("application/json").body("{}").post("/api/v1/rounds").then().statusCode(409)
                    .body("code", equalTo("no_policy")).body("error", containsString("v" + bare + " has no reply policy"))
                    .body("error", containsString("train a new version on Models"));
            assertEquals(rounds, (long) QuarkusTransaction.requiringNew().call(() -> AlignmentRound.count()), "nothing was queued");
        } finally {
            admin.request().contentType("application/json").post("/api/v1/models/" + base + "/rollback").then().statusCode(200);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = ?1")
                    .setParameter(1, batch).executeUpdate());
        }
    }
}
