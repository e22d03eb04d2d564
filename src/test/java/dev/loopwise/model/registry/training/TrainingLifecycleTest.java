package dev.loopwise.model.registry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Training runs against the real database: version numbers of saves that commit together, runs reclaimed by
 * their heartbeat and not by a restart, and any Throwable recorded as the run's failure.
 */
@QuarkusTest
class TrainingLifecycleTest {
    @Inject
    TrainingService training;
    @Inject
    EntityManager em;

    /** What a training run and a round do at their end, at the same moment: each gets its own number and both commit. */
    @Test
    void versionsSavedAtTheSameMomentGetDistinctNumbers() throws Exception {
        int active = ActiveModel.await();
        int savers = 4;
        CyclicBarrier allNumbered = new CyclicBarrier(savers);
        ExecutorService pool = Executors.newFixedThreadPool(savers);
        try {
            List<Future<Integer>> saved = new ArrayList<>();
            for (int i = 0; i < savers; i++) {
                saved.add(pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                    ModelVersion source = ModelVersion.findByVersion(active).orElseThrow();
                    ModelVersion copy = new ModelVersion();
                    copy.version = ModelVersion.nextVersionNumber();
                    copy.status = ModelVersion.REJECTED;
                    copy.encoderId = source.encoderId;
                    copy.encoderSource = source.encoderSource;
                    copy.regime = source.regime;
                    copy.parameters = source.parameters;
                    copy.checksum = source.checksum;
                    copy.lineage = source.lineage;
                    copy.metrics = source.metrics;
                    copy.persist();
                    copy.flush();
                    allNumbered.await(30, TimeUnit.SECONDS); // every transaction holds its number before any commits
                    return copy.version;
                })));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> f : saved) {
                numbers.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(savers, numbers.stream().distinct().count(), "distinct: " + numbers);
            assertTrue(numbers.stream().allMatch(n -> n > active), numbers.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunWithAStaleHeartbeatIsFailedAndAFreshOneIsNot() {
        ActiveModel.await();
        awaitNoRunRunning();
        long stale = runningRun("now() - interval '10 minutes'");
        training.reclaim();
        TrainingRun reclaimed = run(stale);
        assertEquals(TrainingRun.FAILED, reclaimed.status);
        assertEquals(TrainingService.INTERRUPTED, reclaimed.error);

        // Another instance's live run: its heartbeat is fresh, so an instance starting up leaves it alone.
        long fresh = runningRun("now() - interval '5 seconds'");
        try {
            training.reclaim();
            assertEquals(TrainingRun.RUNNING, run(fresh).status);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update training_runs set status = 'cancelled', finished_at = now() where id = ?1").setParameter(1, fresh).executeUpdate());
        }
    }

    @Test
    void anErrorThrownByARunIsRecordedAsItsFailure() {
        ActiveModel.await();
        awaitNoRunRunning();
        long id = runningRun("now()");
        training.execute(id, () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        TrainingRun failed = run(id);
        assertEquals(TrainingRun.FAILED, failed.status);
        assertTrue(failed.error.startsWith("OutOfMemoryError: Java heap space. The service ran out of memory"), failed.error);
        assertTrue(failed.finishedAt != null);
        assertNotEquals(TrainingRun.RUNNING, failed.status);
    }

    private long runningRun(String heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into training_runs (status, step, settings, started_by, heartbeat_at) values ('running', 'Training', "
                        + "'{\"regime\":\"linear\"}'::jsonb, 'test', " + heartbeat + ") returning id").getSingleResult()).longValue());
    }

    private static TrainingRun run(long id) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(id));
    }

    /** The demo's first training may still be finishing; only one run can be running at a time. */
    private void awaitNoRunRunning() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            long running = QuarkusTransaction.requiringNew().call(() -> TrainingRun.count("status in ?1",
                    List.of(TrainingRun.RUNNING, TrainingRun.QUEUED)));
            if (running == 0) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("a training run is still running");
    }
}
