package dev.loopwise.model.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.loopwise.model.Djl;
import java.util.Arrays;
import java.util.Locale;

/**
 * How token states become one sentence vector; it must be the pooling the encoder was trained with
 * (all-MiniLM-L6-v2: mean over real tokens; bge-small-en-v1.5: the [CLS] state), or similarities degrade.
 * Both forms end L2-normalised, as sentence-transformers' Normalize does (ε = 1e-12).
 */
public enum Pooling {
    MEAN, CLS;

    /** "mean" or "cls", as written in encoder ids, settings and command lines. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Pooling parse(String value) {
        for (Pooling p : values()) {
            if (p.key().equalsIgnoreCase(value.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown pooling '" + value + "': use " + String.join(" or ",
                Arrays.stream(values()).map(Pooling::key).toList()) + ".");
    }

    /** @param hidden [batch, tokens, dim]; @param mask [batch, tokens] float, 1 for real tokens */
    public NDArray pool(NDArray hidden, NDArray mask) {
        NDArray pooled;
        if (this == CLS) {
            pooled = hidden.get(new NDIndex(":, 0, :"));
        } else {
            NDArray weights = mask.expandDims(2);
            NDArray counts = weights.sum(new int[] {1});
            pooled = hidden.mul(weights).sum(new int[] {1}).div(counts.maximum(Djl.constant(counts, 1e-9)));
        }
        NDArray norms = pooled.norm(new int[] {1}, true);
        return pooled.div(norms.maximum(Djl.constant(norms, 1e-12)));
    }

    /** The same on plain arrays, for hidden states that come from ONNX Runtime. */
    public float[][] pool(float[] hidden, long[] mask, int rows, int length) {
        int dim = hidden.length / (rows * length);
        float[][] pooled = new float[rows][dim];
        for (int r = 0; r < rows; r++) {
            int tokens = 0;
            for (int t = 0; t < length; t++) {
                if (mask[r * length + t] == 0 || (this == CLS && t > 0)) {
                    continue;
                }
                tokens++;
                int offset = (r * length + t) * dim;
                for (int d = 0; d < dim; d++) {
                    pooled[r][d] += hidden[offset + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                pooled[r][d] /= Math.max(tokens, 1);
                norm += (double) pooled[r][d] * pooled[r][d];
            }
            float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < dim; d++) {
                pooled[r][d] *= scale;
            }
        }
        return pooled;
    }
}
