package dev.loopwise.monitoring;

import dev.loopwise.model.Vectors;
import java.util.Arrays;

/**
 * Where "unfamiliar" begins for a version: a request is unfamiliar when its nearest training ticket is less similar
 * than that of all but {@link #QUANTILE} of the version's own held-out tickets. Measured, not fixed, because each
 * encoder spreads its similarities differently: with bge-small-en-v1.5 almost no request, however new its subject,
 * falls below the 0.5 that suits all-MiniLM-L6-v2, so new topics were never found with it.
 */
final class NoveltyCut {
    /** Share of the version's own held-out tickets that would count as unfamiliar. */
    static final double QUANTILE = 0.02;
    /** Fewer held-out tickets than this measure no cut: the configured similarity applies. */
    static final int FEWEST = 20;

    private NoveltyCut() {
    }

    /** The cut, or NaN when {@code heldOut} is too small to measure one. */
    static double of(float[][] heldOut, float[][] neighbours) {
        if (heldOut.length < FEWEST || neighbours.length == 0) {
            return Double.NaN;
        }
        double[] nearest = new double[heldOut.length];
        for (int i = 0; i < heldOut.length; i++) {
            nearest[i] = nearest(heldOut[i], neighbours);
        }
        Arrays.sort(nearest);
        return nearest[(int) Math.floor(QUANTILE * (nearest.length - 1))];
    }

    /**
     * The same cut from the training tickets alone, each against the others (for a version without held-out tickets,
     * and for replays whose held-out tickets are the traffic being replayed); NaN when too few.
     */
    static double leaveOneOut(float[][] training) {
        if (training.length < FEWEST + 1) {
            return Double.NaN;
        }
        double[] nearest = new double[training.length];
        for (int i = 0; i < training.length; i++) {
            double best = -1;
            for (int j = 0; j < training.length; j++) {
                if (j != i) {
                    best = Math.max(best, Vectors.dot(training[i], training[j]));
                }
            }
            nearest[i] = best;
        }
        Arrays.sort(nearest);
        return nearest[(int) Math.floor(QUANTILE * (nearest.length - 1))];
    }

    /** Cosine similarity of {@code x} to its nearest neighbour (the vectors are unit length). */
    static double nearest(float[] x, float[][] neighbours) {
        double best = -1;
        for (float[] r : neighbours) {
            best = Math.max(best, Vectors.dot(x, r));
        }
        return best;
    }
}
