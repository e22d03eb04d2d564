package dev.loopwise.model.transformer.tuning;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Rows of a data set by index, as the fine-tuners take held-out and batch rows from their arrays. */
final class RowPicks {
    private RowPicks() {
    }

    /** The rows with a class (y ≥ 0), leaving out those without one. */
    static int[] indicesWithClass(int[] y) {
        return IntStream.range(0, y.length).filter(i -> y[i] >= 0).toArray();
    }

    static float[][] pick(float[][] rows, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = rows[indices[i]];
        }
        return out;
    }

    static int[] pick(int[] values, int[] indices) {
        return Arrays.stream(indices).map(i -> values[i]).toArray();
    }

    static float[] pickFloats(float[] values, int[] indices) {
        float[] out = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }
}
