package dev.loopwise.model;

import ai.djl.Device;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.function.Supplier;

/**
 * DJL settings that must hold before any engine loads: offline (nothing is ever downloaded, and no
 * cloud metadata address is probed) and one PyTorch thread, which trains small heads fastest on few cores.
 */
public final class Djl {
    public static final String ONNX_RUNTIME = "OnnxRuntime";
    public static final String PYTORCH = "PyTorch";

    private Djl() {
    }

    public static void configure() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    }

    /**
     * A constant for arithmetic that autograd records, in PyTorch's own memory. DJL's {@code x.div(2f)} makes the 2 a
     * tensor over a Java buffer and closes it at once; the backward pass keeps that tensor to read later, and once a
     * collection frees the buffer it reads freed memory (NaN gradients in fine-tunes run beside serving traffic).
     */
    public static ai.djl.ndarray.NDArray constant(ai.djl.ndarray.NDArray like, double value) {
        return like.getManager().full(new ai.djl.ndarray.types.Shape(), (float) value, like.getDataType());
    }

    /**
     * {@code work}'s answer, computed with autograd off on this thread and the mode restored after. Torch's grad mode is
     * per thread and on by default, and DJL turns it off only on the thread that loaded the engine, so inference and
     * in-place writes elsewhere would otherwise record an autograd graph.
     */
    public static <T> T withoutGradients(Supplier<T> work) {
        boolean gradMode = ai.djl.pytorch.jni.JniUtils.isGradMode();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            ai.djl.pytorch.jni.JniUtils.setGradMode(gradMode);
        }
    }

    /** As {@link #withoutGradients(java.util.function.Supplier)}, for work without an answer. */
    public static void runWithoutGradients(Runnable work) {
        withoutGradients(() -> {
            work.run();
            return null;
        });
    }

    /** What every small trainer here uses: Adam at a fixed learning rate, on the CPU. */
    public static DefaultTrainingConfig adamOnCpu(Loss loss, double learningRate) {
        return new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build())
                .optDevices(new Device[] {Device.cpu()});
    }
}
