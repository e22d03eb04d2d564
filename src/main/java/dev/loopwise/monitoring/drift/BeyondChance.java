package dev.loopwise.monitoring.drift;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The tests a prediction or outcome signal passes before it alarms: over its line is not enough, it must be over it by more
 * than chance allows, at the input-drift level, since consecutive windows share most of their requests and two checks in a
 * row do not rule chance out.
 */
final class BeyondChance {
    private BeyondChance() {
    }

    /**
     * Exact one-sided binomial test that {@code k} of {@code n} lies above a rate {@code limit}: P(X ≥ k), X ~ Bin(n, limit).
     * A rate over its limit on a few dozen cases is mostly chance (4 thumbs down of 10 against a limit of 30%: p = 0.35).
     */
    static double aboveRate(int k, int n, double limit) {
        return k == 0 ? 1 : 1 - new BinomialDistribution(null, n, limit).cumulativeProbability(k - 1);
    }

    /**
     * One-sided one-sample t-test that the mean of {@code values} lies below {@code line}: P(T ≥ (line − mean)·√n / s),
     * T ~ t(n − 1). Confidence is a score, not a yes/no, so the binomial test does not apply; the window's few hundred
     * scores make the t-test's normal approximation sound. Null below two values; all values equal decide outright.
     */
    static Double belowMean(double[] values, double line) {
        int n = values.length;
        if (n < 2) {
            return null;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        if (sd < 1e-12) {
            return mean < line ? 0.0 : 1.0;
        }
        return 1 - new TDistribution(null, n - 1).cumulativeProbability((line - mean) * Math.sqrt(n) / sd);
    }
}
