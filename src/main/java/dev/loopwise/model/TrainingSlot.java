package dev.loopwise.model;

import dev.loopwise.common.job.JobRows;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * DJL's PyTorch engine allows one gradient collector per process at a time ("A PtGradientCollector is already
 * collecting"), so a process runs one training job at a time — a training run or an alignment round. A job is
 * claimed only while the slot is free; otherwise it stays queued, holding nothing, until its next firing here
 * or on another instance.
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

    /**
     * Runs queued row {@code id} of {@code jobs} here and now, on the calling thread, if this process's slot is
     * free and the row may start ({@link JobRows#claim}). True when nothing is left to run for the row (it ran
     * here, or had already ended); false when it must wait for a later try.
     */
    public static boolean runIfFree(JobRows jobs, long id, LongConsumer work) {
        JobRows.State state = jobs.state(id);
        if (state != JobRows.State.QUEUED) {
            return state == JobRows.State.ENDED;
        }
        if (!tryTake()) {
            return false; // this process trains something else
        }
        try {
            return jobs.runClaimed(id, work);
        } finally {
            release();
        }
    }
}
