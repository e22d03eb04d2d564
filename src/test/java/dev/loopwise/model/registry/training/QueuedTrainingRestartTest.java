package dev.loopwise.model.registry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.job.QueuedJobs;
import dev.loopwise.common.job.StandaloneQuartz;
import dev.loopwise.model.ActiveModel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.QuartzScheduler;
import io.quarkus.scheduler.runtime.Constituent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/**
 * A training run queued by an instance that then went away is a Quartz job in the shared store: this instance
 * picks it up, as it would after a restart, and trains it exactly once.
 */
@QuarkusTest
class QueuedTrainingRestartTest {
    @Inject
    @Constituent
    QuartzScheduler quartz;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManager em;

    @Test
    void aRunQueuedByAnInstanceThatStoppedRunsOnceHere() throws Exception {
        ActiveModel.await();
        long runId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into training_runs (status, step, settings, started_by) values ('queued', 'Waiting', "
                        + "'{\"regime\":\"linear\",\"seed\":7}'::jsonb, 'test') returning id").getSingleResult()).longValue());
        // The other instance records the job in the same tables under the application's scheduler name, then stops
        // before any instance ran it.
        Scheduler gone = StandaloneQuartz.create(quartz.getScheduler().getSchedulerName(), "stopped-instance", dataSource);
        QueuedJobs.schedule(gone, TrainingJob.class, TrainingJob.KIND, runId, Duration.ofSeconds(1));
        gone.shutdown();
        JobKey key = new JobKey(TrainingJob.KIND + "-" + runId, TrainingJob.KIND);
        assertTrue(quartz.getScheduler().checkExists(key), "the job outlives the instance that queued it");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        String status = "queued";
        while (System.nanoTime() < deadline && (status.equals("queued") || status.equals("running"))) {
            Thread.sleep(500);
            status = QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(runId).status);
        }
        assertEquals(TrainingRun.SUCCEEDED, status, "the run was picked up and trained");
        Thread.sleep(3_000); // three more firings' worth: none may train it again
        long versions = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from model_versions where lineage ->> 'trainingRun' = ?1").setParameter(1, String.valueOf(runId))
                .getSingleResult()).longValue());
        assertEquals(1, versions, "trained exactly once");
        assertTrue(!quartz.getScheduler().checkExists(key), "its job is gone once the run is done");
        // Later tests expect no candidate waiting for review.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update model_versions set status = 'rejected' where status = 'candidate'"
                + " and lineage ->> 'trainingRun' = ?1").setParameter(1, String.valueOf(runId)).executeUpdate());
    }
}
