package dev.loopwise.model.encoder;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Serving before background work on the same cores. Every encoder call runs ONNX Runtime on all the cores, so a
 * training run, a round or a knowledge import encoding thousands of texts made each served answer wait its turn
 * in the same thread pool. Serving calls say when they start and end; background work asks before each of its
 * small ONNX calls and waits while serving calls are in flight, for at most {@code maxWaitMillis} per call, so
 * that under sustained serving load it still moves (one call per wait) instead of stopping.
 */
final class ServingFirst {
    private final long maxWaitNanos;
    private int servingCalls;
    private final AtomicLong backgroundWaitNanos = new AtomicLong();

    /** {@code maxWaitMillis} 0 turns the rule off: background calls never wait. */
    ServingFirst(long maxWaitMillis) {
        if (maxWaitMillis < 0) {
            throw new IllegalArgumentException("The background wait must be 0 (off) or more milliseconds, not " + maxWaitMillis);
        }
        this.maxWaitNanos = maxWaitMillis * 1_000_000L;
    }

    synchronized void servingStarted() {
        servingCalls++;
    }

    synchronized void servingEnded() {
        if (--servingCalls == 0) {
            notifyAll();
        }
    }

    /** Called by background work before each ONNX call: returns once no serving call is in flight or the wait ran out. */
    synchronized void awaitServingDone() {
        if (servingCalls == 0 || maxWaitNanos == 0) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + maxWaitNanos;
        try {
            for (long left = maxWaitNanos; servingCalls > 0 && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            backgroundWaitNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Time background work spent giving way to serving since the start, in seconds. */
    double backgroundWaitSeconds() {
        return backgroundWaitNanos.get() / 1e9;
    }
}
