package dev.loopwise.model;

import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;

/** Waits for the demo's first model version, which the test profile trains in the background at start. */
public final class ActiveModel {
    private ActiveModel() {
    }

    public static int await() {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Integer version = QuarkusTransaction.requiringNew().call(
                    () -> ModelVersion.findActive().map(v -> v.version).orElse(null));
            // The database names the version a moment before this instance has loaded it.
            var registry = io.quarkus.arc.Arc.container().instance(ModelRegistry.class).get();
            if (version != null && registry.current().map(m -> m.version() == version).orElse(false)) {
                return version;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No model version became active");
    }

    /**
     * Waits until no training is waiting or in progress: a training is refused while another is under way, and a test's
     * own may otherwise meet one an earlier test started.
     */
    public static void awaitNoTraining() {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            long unfinished = QuarkusTransaction.requiringNew().call(() -> TrainingRun.count("status in ?1",
                    List.of(TrainingRun.RUNNING, TrainingRun.QUEUED)));
            if (unfinished == 0) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("A training is still waiting or in progress");
    }
}
