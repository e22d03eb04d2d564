package dev.loopwise.model;

import java.util.Random;

/** The bookkeeping every trainer here shares: a seeded shuffle and gathering a mini-batch's rows. */
public final class MiniBatches {
    private MiniBatches() {
    }

    /** Fisher–Yates, in place, from the given random source (so a seed fixes the order). */
    public static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Rows {@code order[start..end)} of a matrix, flattened for an NDArray. */
    public static float[] rows(float[][] source, int[] order, int start, int end) {
        int width = source[0].length;
        float[] flat = new float[(end - start) * width];
        for (int i = start; i < end; i++) {
            System.arraycopy(source[order[i]], 0, flat, (i - start) * width, width);
        }
        return flat;
    }

    /** Entries {@code order[start..end)} of a vector. */
    public static float[] pick(float[] source, int[] order, int start, int end) {
        float[] out = new float[end - start];
        for (int i = start; i < end; i++) {
            out[i - start] = source[order[i]];
        }
        return out;
    }
}
