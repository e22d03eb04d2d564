package dev.loopwise.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * How token vectors become one sentence vector. A model is pooled the way it was trained: mean pooling
 * for all-MiniLM-L6-v2 (sentence-transformers), the [CLS] token for bge. Either way the result has unit length.
 */
public enum Pooling {
    MEAN, CLS;

    /** "mean" or "cls", as written in ids, settings and command lines. */
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

    /** Pools {@code hidden} (rows × length × dim, row-major) over the tokens where {@code mask} is 1, then L2-normalises. */
    float[][] pool(float[] hidden, long[] mask, int rows, int length) {
        int dim = hidden.length / (rows * length);
        float[][] pooled = new float[rows][dim];
        for (int r = 0; r < rows; r++) {
            if (this == CLS) {
                System.arraycopy(hidden, r * length * dim, pooled[r], 0, dim); // [CLS] is always the first token
            } else {
                int tokens = 0;
                for (int t = 0; t < length; t++) {
                    if (mask[r * length + t] == 0) {
                        continue;
                    }
                    tokens++;
                    int offset = (r * length + t) * dim;
                    for (int d = 0; d < dim; d++) {
                        pooled[r][d] += hidden[offset + d];
                    }
                }
                for (int d = 0; d < dim; d++) {
                    pooled[r][d] /= Math.max(tokens, 1);
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                norm += pooled[r][d] * pooled[r][d];
            }
            float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < dim; d++) {
                pooled[r][d] *= scale;
            }
        }
        return pooled;
    }
}
