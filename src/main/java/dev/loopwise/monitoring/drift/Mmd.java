package dev.loopwise.monitoring.drift;

import java.util.Arrays;
import java.util.Random;

/**
 * Maximum mean discrepancy between two samples of sentence vectors, with a Gaussian kernel
 * k(x, y) = exp(−‖x − y‖² / (2σ²)) whose σ² is the median squared distance (the usual heuristic), and a
 * permutation test: p = (1 + #{permuted MMD² ≥ observed}) / (1 + permutations).
 */
public final class Mmd {
    public record Result(double mmd2, double pValue) {
    }

    private Mmd() {
    }

    public static Result test(float[][] reference, float[][] window, int permutations, Random random) {
        int m = reference.length;
        int n = window.length;
        int total = m + n;
        float[][] all = new float[total][];
        System.arraycopy(reference, 0, all, 0, m);
        System.arraycopy(window, 0, all, m, n);
        double[] squared = new double[total * total];
        double[] sample = new double[Math.min(2000, total * (total - 1) / 2)];
        int s = 0;
        for (int i = 0; i < total; i++) {
            for (int j = i + 1; j < total; j++) {
                double d = 0;
                for (int k = 0; k < all[i].length; k++) {
                    double diff = all[i][k] - all[j][k];
                    d += diff * diff;
                }
                squared[i * total + j] = d;
                squared[j * total + i] = d;
                if (s < sample.length && (i + j) % 3 == 0) {
                    sample[s++] = d;
                }
            }
        }
        double[] used = Arrays.copyOf(sample, Math.max(s, 1));
        Arrays.sort(used);
        double sigma2 = Math.max(used[used.length / 2], 1e-6);
        double[] kernel = new double[total * total];
        for (int i = 0; i < squared.length; i++) {
            kernel[i] = Math.exp(-squared[i] / (2 * sigma2));
        }
        int[] labels = new int[total];
        for (int i = m; i < total; i++) {
            labels[i] = 1;
        }
        double observed = mmd2(kernel, labels, total, m, n);
        int atLeast = 0;
        int[] shuffled = labels.clone();
        for (int p = 0; p < permutations; p++) {
            for (int i = total - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            atLeast += mmd2(kernel, shuffled, total, m, n) >= observed ? 1 : 0;
        }
        return new Result(observed, (1.0 + atLeast) / (1.0 + permutations));
    }

    /** The unbiased estimate: mean within-X + mean within-Y − 2·mean between, without the diagonal. */
    static double mmd2(double[] kernel, int[] labels, int total, int m, int n) {
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < total; i++) {
            for (int j = i + 1; j < total; j++) {
                double k = kernel[i * total + j];
                if (labels[i] == 0 && labels[j] == 0) {
                    xx += k;
                } else if (labels[i] == 1 && labels[j] == 1) {
                    yy += k;
                } else {
                    xy += k;
                }
            }
        }
        return 2 * xx / ((double) m * (m - 1)) + 2 * yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }
}
