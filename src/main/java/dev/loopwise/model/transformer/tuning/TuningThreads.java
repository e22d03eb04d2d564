package dev.loopwise.model.transformer.tuning;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.loopwise.model.Djl;

/**
 * CPU threads of the transformer fine-tunes. PyTorch's pool is one per process and stays at one thread, which trains
 * the small heads fastest (see {@code Djl}); a fine-tune's matrix products are large enough to share across cores, so
 * it widens the pool while it runs and narrows it again when the last one ends. The cost model plans with the same
 * count ({@link #speedup}), so a wider pool buys more epochs or layers within the same time budget.
 */
public final class TuningThreads {
    static final double MEASURED_GAIN_PER_THREAD = 0.7;
    private static volatile int configured = Runtime.getRuntime().availableProcessors();
    private static int running;

    private TuningThreads() {
    }

    /** @param threads threads for every later fine-tune; the service sets it from its settings at start */
    public static void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Fine-tuning needs at least one thread; got " + threads);
        }
        configured = threads;
    }

    public static int configured() {
        return configured;
    }

    /**
     * How much faster than one thread a step runs on {@code threads}, measured on the 2-core build machine with
     * MiniLM-sized layers (BENCHMARKS.md, "Both cores, and clipped gradients": 1.69×); more threads are assumed to add the same share
     * each, which stays conservative.
     */
    static double speedup(int threads) {
        return 1 + MEASURED_GAIN_PER_THREAD * (threads - 1);
    }

    /** Widens the pool until the returned lease is closed. */
    public static Lease widen() {
        Djl.configure();
        Engine.getEngine(Djl.PYTORCH); // loads the native library the pool lives in
        synchronized (TuningThreads.class) {
            if (running++ == 0) {
                JniUtils.setNumThreads(configured);
            }
        }
        return new Lease();
    }

    /** Ends one fine-tune's claim on the wider pool. */
    public static final class Lease implements AutoCloseable {
        private boolean closed;

        @Override
        public void close() {
            synchronized (TuningThreads.class) {
                if (!closed && --running == 0) {
                    JniUtils.setNumThreads(1);
                }
                closed = true;
            }
        }
    }
}
