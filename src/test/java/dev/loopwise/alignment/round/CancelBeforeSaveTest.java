package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cancel accepted after a round's last progress step but before it saves its candidate: the admin was told the round
 * stops, so it ends cancelled, storing no version and switching nothing, instead of promoting its candidate anyway.
 */
@QuarkusTest
class CancelBeforeSaveTest {
    @Inject
    RoundService rounds;
    @Inject
    RoundVersions versions;
    @Inject
    RoundRequests.Defaults defaults;
    @Inject
    EntityManager em;

    private Long roundId;
    private Integer serving;

    @AfterEach
    void cleanUp() {
        if (roundId == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<Integer> made = ModelVersion.<ModelVersion>list("createdBy", "round " + roundId).stream().map(v -> v.version).toList();
            if (!made.isEmpty()) {
                ModelActivation.delete("version in ?1", made);
                ModelVersion.delete("version in ?1", made);
                em.createNativeQuery("update model_versions set status = 'active' where version = ?1").setParameter(1, serving).executeUpdate();
            }
            // Its version is gone and it never promoted one, so nothing reads the round any more.
            em.createNativeQuery("delete from alignment_rounds where id = ?1").setParameter(1, roundId).executeUpdate();
        });
    }

    @Test
    void aRoundCancelledJustBeforeItSavesStoresNothing() {
        serving = ActiveModel.await();
        long versionsBefore = QuarkusTransaction.requiringNew().call(() -> ModelVersion.count());
        roundId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into alignment_rounds (method, settings, status, started_by, heartbeat_at) values ('dpo', '{}'::jsonb, 'running', "
                        + "'test', now()) returning id").getSingleResult()).longValue());
        long id = roundId;
        // A candidate that passed every gate: saved, it would be promoted over the version it was compared with.
        ModelVersion base = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion active = ModelVersion.findActive().orElseThrow();
            active.parameters.getClass(); // loads the lazy parameters inside the transaction
            return active;
        });
        RoundResult result = new RoundResult(ModelBundle.fromBytes(base.parameters, base.checksum), new LinkedHashMap<>(), List.of(), Map.of());
        RoundSnapshot.Captured captured = new RoundSnapshot.Captured(null, base.version, new EncoderRef(base.encoderId, base.encoderSource),
                base.version, null, new RoundJudgements.Read(List.of(), 0, 0, 0, List.of()), 0, Map.of(), null);

        assertTrue(rounds.cancel(id, "test"), "the cancel is accepted while the round runs");
        rounds.execute(id, () -> versions.conclude(id, result, captured, defaults.settings()));

        AlignmentRound ended = QuarkusTransaction.requiringNew().call(() -> AlignmentRound.<AlignmentRound>findById(id));
        assertEquals(AlignmentRound.CANCELLED, ended.status, ended.reason);
        assertEquals(versionsBefore, QuarkusTransaction.requiringNew().call(() -> ModelVersion.count()), "no candidate was stored");
        assertEquals(serving, QuarkusTransaction.requiringNew().call(() -> ModelVersion.findActive().orElseThrow().version));
    }
}
