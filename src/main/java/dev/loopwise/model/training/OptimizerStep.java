package dev.loopwise.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** One optimizer update, shared by every trainer's {@link TrainingLoop.Step}. */
public final class OptimizerStep {
    private OptimizerStep() {
    }

    /**
     * The step of every DJL trainer here: forward pass and loss inside the gradient collector, then — unless
     * the loss is not finite — back-propagation and one update of each trainer's parameters (an encoder and
     * its head may have their own optimizers). Returns the loss.
     */
    public static double run(Trainer trainer, Supplier<NDArray> forwardAndLoss, Trainer... alsoStepped) {
        return run(Double.NaN, trainer, forwardAndLoss, alsoStepped);
    }

    /**
     * {@link #run(Trainer, Supplier, Trainer...)} with the gradients of all the trainers clipped to a joint
     * L2 norm of {@code maxGradNorm} ({@link GradientClipping}); a step whose gradients are not finite updates nothing
     * and returns NaN, so the loop skips it like a batch whose loss is not finite.
     */
    public static double run(double maxGradNorm, Trainer trainer, Supplier<NDArray> forwardAndLoss,
                                       Trainer... alsoStepped) {
        double value;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray loss = forwardAndLoss.get();
            value = loss.getFloat();
            if (!TrainingLoop.finite(value)) {
                return value;
            }
            collector.backward(loss);
            if (!Double.isNaN(maxGradNorm)) {
                List<Trainer> all = Stream.concat(Stream.of(trainer), Arrays.stream(alsoStepped)).toList();
                if (!TrainingLoop.finite(GradientClipping.clip(maxGradNorm, all))) {
                    return Double.NaN;
                }
            }
        }
        trainer.step();
        for (Trainer other : alsoStepped) {
            other.step();
        }
        return value;
    }
}
