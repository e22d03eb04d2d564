package dev.loopwise.model.transformer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.loopwise.model.Djl;
import dev.loopwise.model.HeldTrainingSlot;
import org.junit.jupiter.api.Test;

/** A batch without a pair to learn from is a zero step, not a failed backward pass that ends the fine-tune. */
class PairLossesTest {
    static final int OOS = 9;

    @Test
    void batchesWithoutPairsGiveZeroLossAndZeroGradientsAndOrdinaryBatchesLearn() {
        Djl.configure();
        HeldTrainingSlot.run(() -> {
            assertEquals(0f, backward(new int[] {0, 1, 2}, false), "one text of each intent: no positive pair");
            assertEquals(0f, backward(new int[] {OOS, OOS, OOS}, false), "only out-of-scope texts: no pair at all");
            assertEquals(0f, backward(new int[] {OOS, OOS}, true), "the cosine loss: no pair at all");
            assertTrue(backward(new int[] {0, 0, 1, 1}, false) > 0, "a batch with pairs has a gradient");
            return null;
        });
    }

    /** The backward pass through the loss; returns the gradient's largest magnitude. */
    private static float backward(int[] labels, boolean cosine) {
        try (NDManager manager = Engine.getEngine(Djl.PYTORCH).newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(labels.length, 8));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine(Djl.PYTORCH).newGradientCollector()) {
                NDArray pooled = x.div(x.norm(new int[] {1}, true));
                NDArray loss = cosine ? PairLosses.cosineSimilarity(manager, pooled, labels, OOS)
                        : PairLosses.supervisedContrastive(manager, pooled, labels, OOS, 0.05);
                collector.backward(loss);
                return x.getGradient().abs().max().getFloat();
            }
        }
    }
}
