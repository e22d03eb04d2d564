package dev.loopwise.model;

import dev.loopwise.common.JobRows;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

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

    /**
     * Claims the oldest queued job of {@code jobs}, if this process's slot is free and no such job runs anywhere,
     * and runs {@code work} on it in the background; when it ends, the slot is freed and {@code next} looks for
     * the next one (other kinds find the free slot at their own next look).
     */
    public static void dispatch(JobRows jobs, Executor executor, LongConsumer work, Runnable next) {
        if (!tryTake()) {
            return; // this process trains something else; the job waits for the next look (or another instance)
        }
        Optional<Long> claimed;
        try {
            claimed = jobs.claim();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        if (claimed.isEmpty()) {
            release();
            return;
        }
        long id = claimed.get();
        executor.execute(() -> {
            try {
                work.accept(id);
            } finally {
                jobs.released(id);
                release();
                next.run();
            }
        });
    }
}
