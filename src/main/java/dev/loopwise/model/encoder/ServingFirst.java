package dev.loopwise.model.encoder;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Serving before background encoding on the same cores. Every encoder call runs ONNX Runtime on all the cores, so
 * the sentence vectors a training run, a round or a knowledge import computes for thousands of texts made each
 * served answer wait its turn. Serving work says when it starts and ends (a batch of served tickets from its queue to
 * its log row; a drafted answer's drafts while they are encoded, not its wait for the LLM, when the cores are idle);
 * background encoding asks before each of its small ONNX calls and waits while serving work is in flight, for at most
 * {@code maxWaitMillis} per call, so that under sustained serving load it still moves (one call per wait) instead of
 * stopping. Training that runs the transformer itself (fine-tuning, the cross-encoder) does not go through here.
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
        if (servingCalls == 0) {
            // An end without its start is a bug in the caller; counting below zero would turn the rule off for good.
            throw new IllegalStateException("Serving ended more often than it started");
        }
        if (--servingCalls == 0) {
            notifyAll();
        }
    }

    synchronized int servingInFlight() {
        return servingCalls;
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
