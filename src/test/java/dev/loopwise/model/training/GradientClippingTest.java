package dev.loopwise.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.loopwise.model.Djl;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Clipping a real DJL model's gradients by their joint norm, and skipping a step whose gradients are not finite. */
class GradientClippingTest {
    private static final float[] INPUT = {30f, -40f}; // one example, far from zero: a large gradient

    @Test
    void aLargeGradientIsScaledToTheLimitAndItsDirectionKept() {
        withZeroWeights(trainer -> {
                try (var collector = trainer.newGradientCollector()) {
                    NDArray x = trainer.getManager().create(INPUT, new Shape(1, 2));
                    // loss = w·x, so the gradient is x itself: norm 50
                    collector.backward(trainer.forward(new NDList(x)).singletonOrThrow().sum());
                    double before = GradientClipping.clip(1.0, List.of(trainer));
                    assertEquals(50.0, before, 1e-4, "the norm before clipping is |x|");
                    float[] clipped = weight(trainer).getArray().getGradient().toFloatArray();
                    assertEquals(0.6, clipped[0], 1e-5, "30 / 50");
                    assertEquals(-0.8, clipped[1], 1e-5, "-40 / 50");
                    assertEquals(1.0, GradientClipping.clip(1.0, List.of(trainer)), 1e-5, "now at the limit: left alone");
                }
        });
    }

    @Test
    void aStepWithGradientsThatAreNotFiniteChangesNothing() {
        withZeroWeights(trainer -> {
                // |w| at w = 0 is a finite loss (0) whose gradient w / |w| is 0 / 0
                double loss = OptimizerStep.run(1.0, trainer, () -> weight(trainer).getArray().square().sum().sqrt());
                assertTrue(Double.isNaN(loss), "reported as not finite, so the loop skips the batch");
                float[] after = weight(trainer).getArray().toFloatArray();
                assertEquals(0f, after[0]);
                assertEquals(0f, after[1], "no update was made with a NaN gradient");
                double next = OptimizerStep.run(1.0, trainer, () -> {
                    NDArray x = trainer.getManager().create(INPUT, new Shape(1, 2));
                    return trainer.forward(new NDList(x)).singletonOrThrow().sum();
                });
                assertEquals(0.0, next, 1e-6, "the next batch trains as usual");
                assertTrue(Float.isFinite(weight(trainer).getArray().toFloatArray()[0]));
                assertTrue(weight(trainer).getArray().toFloatArray()[0] < 0, "Adam moved w against the gradient x");
        });
    }

    /** A one-unit linear model without bias, w = (0, 0), trained with Adam. */
    private static void withZeroWeights(Consumer<Trainer> test) {
        Djl.configure();
        try (Model model = Model.newInstance("clip", ai.djl.Device.cpu(), Djl.PYTORCH)) {
            model.setBlock(Linear.builder().setUnits(1).optBias(false).build());
            try (Trainer trainer = model.newTrainer(Djl.adamOnCpu(Loss.l2Loss(), 0.1))) {
                trainer.initialize(new Shape(1, 2));
                weight(trainer).getArray().set(new float[] {0f, 0f});
                test.accept(trainer);
            }
        }
    }

    private static Parameter weight(Trainer trainer) {
        return trainer.getModel().getBlock().getParameters().get("weight");
    }
}
