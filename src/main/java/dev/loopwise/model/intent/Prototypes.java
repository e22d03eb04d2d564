package dev.loopwise.model.intent;

import dev.loopwise.model.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifiers that need no training: each intent is a direction in embedding space, and
 * logit_c = s · cos(E(x), prototype_c). Zero-shot prototypes are the embedded intent descriptions;
 * few-shot prototypes are the normalised mean of an intent's examples (falling back to the description
 * for an intent without examples).
 */
public final class Prototypes {
    /** Cosine similarities live in [-1, 1]; this scale turns them into usefully peaked probabilities. */
    static final float SCALE = 20f;

    private Prototypes() {
    }

    public static IntentHead zeroShot(List<String> labels, float[][] descriptions, double threshold) {
        float[][] weights = new float[labels.size()][];
        for (int c = 0; c < labels.size(); c++) {
            weights[c] = scaled(Vectors.normalised(descriptions[c]));
        }
        return new IntentHead(IntentHead.ZERO_SHOT, labels, weights, new float[labels.size()], threshold, null);
    }

    /** Prototypes from examples; {@code skipClass} (the out-of-scope class, or -1) gets no prototype. */
    public static IntentHead fewShot(List<String> labels, LabelledVectors examples, float[][] descriptions, int skipClass) {
        int dim = examples.size() > 0 ? examples.dimension() : descriptions[0].length;
        float[][] sums = new float[labels.size()][dim];
        int[] counts = new int[labels.size()];
        for (int i = 0; i < examples.size(); i++) {
            int c = examples.labels()[i];
            counts[c]++;
            for (int d = 0; d < dim; d++) {
                sums[c][d] += examples.vectors()[i][d];
            }
        }
        List<String> kept = new ArrayList<>();
        List<float[]> weights = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            if (c == skipClass) {
                continue;
            }
            float[] direction = counts[c] > 0 ? sums[c] : descriptions == null ? null : descriptions[c];
            if (direction == null) {
                throw new IllegalArgumentException("Intent '" + labels.get(c) + "' has neither examples nor a description");
            }
            kept.add(labels.get(c));
            weights.add(scaled(Vectors.normalised(direction)));
        }
        return new IntentHead(IntentHead.FEW_SHOT, List.copyOf(kept), weights.toArray(float[][]::new),
                new float[kept.size()], 0, null);
    }

    private static float[] scaled(float[] unit) {
        float[] out = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = unit[i] * SCALE;
        }
        return out;
    }
}
