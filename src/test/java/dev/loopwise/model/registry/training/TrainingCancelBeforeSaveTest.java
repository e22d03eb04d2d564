package dev.loopwise.model.registry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cancel accepted after a training's last progress step but before it saves its version: the admin was told no
 * version is made, so the run ends cancelled and stores none.
 */
@QuarkusTest
class TrainingCancelBeforeSaveTest {
    @Inject
    TrainingService training;
    @Inject
    EntityManager em;

    private final String tag = "cancel-before-save-" + UUID.randomUUID().toString().substring(0, 8);
    private Long runId;

    @AfterEach
    void cleanUp() {
        if (runId == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update training_runs set version_id = null, status = 'cancelled', finished_at = coalesce(finished_at, now())"
                    + " where id = ?1").setParameter(1, runId).executeUpdate();
            ModelVersion.delete("createdBy", tag);
        });
    }

    @Test
    void aTrainingCancelledJustBeforeItSavesMakesNoVersion() {
        ActiveModel.await();
        long versionsBefore = QuarkusTransaction.requiringNew().call(() -> ModelVersion.count());
        runId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into training_runs (status, step, settings, started_by, heartbeat_at) values ('running', 'Training', "
                        + "'{\"regime\":\"linear\"}'::jsonb, ?1, now()) returning id").setParameter(1, tag).getSingleResult())
                .longValue());
        long id = runId;
        ModelVersion active = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion v = ModelVersion.findActive().orElseThrow();
            v.parameters.getClass(); // loads the lazy parameters inside the transaction
            return v;
        });
        TrainedModel trained = new TrainedModel(ModelBundle.fromBytes(active.parameters, active.checksum), new LinkedHashMap<>(),
                new LinkedHashMap<>(), new EncoderRef(active.encoderId, active.encoderSource));

        assertTrue(training.cancel(id, "test"), "the cancel is accepted while the run trains");
        training.execute(id, () -> TrainingRecords.saveAndFinish(trained, trained.encoder(), id));

        TrainingRun ended = QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(id));
        assertEquals(TrainingRun.CANCELLED, ended.status, ended.error);
        assertEquals(versionsBefore, QuarkusTransaction.requiringNew().call(() -> ModelVersion.count()), "no version was stored");
    }
}
