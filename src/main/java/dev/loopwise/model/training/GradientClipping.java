package dev.loopwise.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Clipping by global norm, as Hugging Face's Trainer does for every fine-tune ({@code max_grad_norm = 1}): when the
 * L2 norm of all gradients together exceeds the limit, every gradient is scaled by limit / norm, so a rare batch with
 * a huge gradient moves the pre-trained weights no further than an ordinary one. A gradient that is not finite
 * (overflow in the backward pass although the loss was finite) is reported, and its step must be skipped: one such
 * update would turn every weight into NaN.
 */
public final class GradientClipping {
    /** The limit transformer fine-tunes use (Hugging Face's default). */
    public static final double TRANSFORMER_MAX_NORM = 1.0;

    private GradientClipping() {
    }

    /** @return the joint norm before clipping; not finite when some gradient is not (then all were set to zero) */
    static double clip(double maxNorm, List<Trainer> trainers) {
        List<NDArray> gradients = new ArrayList<>();
        try {
            double squares = 0;
            for (Trainer trainer : trainers) {
                for (var pair : trainer.getModel().getBlock().getParameters()) {
                    Parameter parameter = pair.getValue();
                    if (!parameter.requiresGradient() || !parameter.isInitialized()) {
                        continue;
                    }
                    NDArray gradient = parameter.getArray().getGradient();
                    if (gradient == null) {
                        continue; // not reached by this batch's graph
                    }
                    gradients.add(gradient);
                    try (NDArray square = gradient.square(); NDArray sum = square.sum()) {
                        squares += sum.getFloat();
                    }
                }
            }
            double norm = Math.sqrt(squares);
            if (!Double.isFinite(norm)) {
                // Zeroed in place, so the skipped batch leaves nothing behind for the next backward pass to add to. Written
                // into PyTorch's own memory: set(Buffer) would move the gradient into a Java buffer that only this short-lived
                // handle keeps, freed at the next collection while the parameter still accumulates into it (heap corruption
                // that killed the whole service once a busy instance collected garbage during a fine-tune).
                gradients.forEach(g -> g.set(new NDIndex("..."), 0f));
            } else if (norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                gradients.forEach(g -> g.muli(scale));
            }
            return norm;
        } finally {
            gradients.forEach(NDArray::close);
        }
    }
}
