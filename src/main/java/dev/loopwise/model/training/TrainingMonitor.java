package dev.loopwise.model.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How the caller watches and steers a run: progress reports, a cooperative cancel flag (read between
 * steps; when it turns true the run closes what it opened and throws {@link TrainingCancelledException}),
 * and the clock the time budget is measured on.
 *
 * @param progress  receives reports on the training thread; keep it quick
 * @param cancelled polled between steps and batches
 * @param clock     nanoseconds, for the time budget; {@link System#nanoTime} by default (wall time, what a
 *                  user waits). {@link #threadCpuClock()} measures the work alone, independent of other
 *                  load on a shared machine (with one PyTorch thread the calling thread does the work).
 */
public record TrainingMonitor(Consumer<TrainingProgress> progress, BooleanSupplier cancelled, LongSupplier clock) {
    public TrainingMonitor {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(clock, "clock");
    }

    public static TrainingMonitor none() {
        return new TrainingMonitor(p -> { }, () -> false, System::nanoTime);
    }

    public static TrainingMonitor of(Consumer<TrainingProgress> progress, BooleanSupplier cancelled) {
        return new TrainingMonitor(progress, cancelled, System::nanoTime);
    }

    public TrainingMonitor withClock(LongSupplier newClock) {
        return new TrainingMonitor(progress, cancelled, newClock);
    }

    /** CPU time of the calling thread, in nanoseconds. */
    public static LongSupplier threadCpuClock() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean::getCurrentThreadCpuTime;
    }

    public void report(TrainingProgress report) {
        progress.accept(report);
    }

    /** Throws {@link TrainingCancelledException} if the caller asked to stop. */
    public void checkCancelled(String stage, long step) {
        if (cancelled.getAsBoolean()) {
            throw new TrainingCancelledException(stage, step);
        }
    }
}
