package dev.loopwise.model.transformer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.loopwise.model.Djl;
import org.junit.jupiter.api.Test;

/** The two pair losses against their formulas, computed by hand on four unit vectors. */
class PairLossTest {
    // Labels 0, 0, 1, oos(2), on the unit circle at angles 0°, 60°, 90°, 180°.
    static final double[] ANGLES = {0, Math.PI / 3, Math.PI / 2, Math.PI};
    static final int[] LABELS = {0, 0, 1, 2};
    static final int OOS = 2;

    static double cos(int i, int j) {
        return Math.cos(ANGLES[i] - ANGLES[j]);
    }

    static NDArray vectors(NDManager manager) {
        float[] flat = new float[8];
        for (int i = 0; i < 4; i++) {
            flat[2 * i] = (float) Math.cos(ANGLES[i]);
            flat[2 * i + 1] = (float) Math.sin(ANGLES[i]);
        }
        return manager.create(flat, new Shape(4, 2));
    }

    @Test
    void cosineSimilarityLoss() {
        Djl.configure();
        // One positive pair (0,1); negatives: (0,2) (0,3) (1,2) (1,3) (2,3).
        double positive = Math.pow(cos(0, 1) - 1, 2);
        double negative = (sq(cos(0, 2)) + sq(cos(0, 3)) + sq(cos(1, 2)) + sq(cos(1, 3)) + sq(cos(2, 3))) / 5;
        try (NDManager manager = Engine.getEngine(Djl.PYTORCH).newBaseManager()) {
            double loss = PairLosses.cosineSimilarity(manager, vectors(manager), LABELS, OOS).getFloat();
            assertEquals(0.5 * positive + 0.5 * negative, loss, 1e-6);
        }
    }

    @Test
    void supervisedContrastiveLoss() {
        Djl.configure();
        double tau = 0.5;
        // Anchors with a positive: 0 (positive 1) and 1 (positive 0); each normalises over the three others.
        double loss0 = -Math.log(Math.exp(cos(0, 1) / tau)
                / (Math.exp(cos(0, 1) / tau) + Math.exp(cos(0, 2) / tau) + Math.exp(cos(0, 3) / tau)));
        double loss1 = -Math.log(Math.exp(cos(1, 0) / tau)
                / (Math.exp(cos(1, 0) / tau) + Math.exp(cos(1, 2) / tau) + Math.exp(cos(1, 3) / tau)));
        try (NDManager manager = Engine.getEngine(Djl.PYTORCH).newBaseManager()) {
            double loss = PairLosses.supervisedContrastive(manager, vectors(manager), LABELS, OOS, tau).getFloat();
            assertEquals((loss0 + loss1) / 2, loss, 1e-5);
        }
    }

    static double sq(double x) {
        return x * x;
    }
}
