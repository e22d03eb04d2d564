package dev.loopwise.model;

import java.util.function.Supplier;

/**
 * Runs test work that trains while holding the process's training slot: the service of earlier tests in this JVM may
 * be training in the background, and DJL allows one gradient collector per process.
 */
public final class HeldTrainingSlot {
    private HeldTrainingSlot() {
    }

    public static <T> T run(Supplier<T> work) {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!TrainingSlot.tryTake()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The training slot stayed taken for 5 minutes");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try {
            return work.get();
        } finally {
            TrainingSlot.release();
        }
    }
}
