package dev.loopwise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

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

    /**
     * One epoch's mini-batches: {@code order} shuffled in place (each epoch continues from the last one's
     * order, so a seed fixes the whole run), then cut into batches of at most {@code batchSize} rows.
     */
    public static List<int[]> shuffledBatches(int[] order, int batchSize, Random random) {
        shuffle(order, random);
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)));
        }
        return batches;
    }

    /** 0, 1, …, n − 1. */
    public static int[] range(int n) {
        return IntStream.range(0, n).toArray();
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

    /** The given rows of a matrix, flattened for an NDArray. */
    public static float[] rows(float[][] source, int[] rows) {
        return rows(source, rows, 0, rows.length);
    }

    /** The given entries of a vector. */
    public static float[] pick(float[] source, int[] rows) {
        return pick(source, rows, 0, rows.length);
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
