package dev.loopwise.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DJL's PyTorch engine allows one gradient collector per process at a time ("A PtGradientCollector is already
 * collecting"), so a process runs one training job at a time — a training run or an alignment round. A job is
 * claimed only while the slot is free; otherwise it stays queued in the database, holding nothing, for this
 * instance's next look or for another instance.
 */
public final class TrainingSlot {
    private static final AtomicBoolean TAKEN = new AtomicBoolean();

    private TrainingSlot() {
    }

    /** Takes the slot if it is free; never waits. */
    public static boolean tryTake() {
        return TAKEN.compareAndSet(false, true);
    }

    public static void release() {
        TAKEN.set(false);
    }
}
