package dev.loopwise.alignment.round;

import dev.loopwise.common.stats.Wilson;
import java.util.function.IntPredicate;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The statistics behind the gates, chosen so that a decision is taken only when the data can carry it.
 * One-sided tests at α = 0.05 with the matching two-sided 90% intervals; sample sizes for 80% power.
 */
public final class GateStatistics {
    static final double ALPHA = 0.05;
    static final double Z_ALPHA = 1.6448536269514722; // one-sided 95%
    static final double Z_POWER = 0.8416212335729143; // 80% power

    private GateStatistics() {
    }

    /**
     * Two versions judged on the same items: {@code bothRight}, {@code onlyFirst} (first right, second
     * wrong), {@code onlySecond}, {@code bothWrong}. The effect is the difference in the share right.
     */
    public record Paired(int bothRight, int onlyFirst, int onlySecond, int bothWrong) {
        int n() {
            return bothRight + onlyFirst + onlySecond + bothWrong;
        }

        double first() {
            return (double) (bothRight + onlyFirst) / n();
        }

        double second() {
            return (double) (bothRight + onlySecond) / n();
        }

        double effect() {
            return (double) (onlyFirst - onlySecond) / n();
        }

        public static Paired of(boolean[] first, boolean[] second) {
            int[] cells = new int[4];
            for (int i = 0; i < first.length; i++) {
                cells[(first[i] ? 0 : 2) + (second[i] ? 0 : 1)]++;
            }
            return new Paired(cells[0], cells[1], cells[2], cells[3]);
        }
    }

    /** A two-sided interval {@code [low, high]}. */
    public record Interval(double low, double high) {
    }

    /** Wilson's score interval for a proportion {@code k / n} at normal quantile {@code z}. */
    public static Interval wilson(int k, int n, double z) {
        return wilson((double) k / n, n, z);
    }

    /**
     * The same around a mean score {@code p} of {@code n} items each scored 0, ½ or 1: the binomial variance p(1 − p) bounds
     * such a score's variance from above (x² ≤ x on [0, 1]), so the interval is, if anything, wide.
     */
    static Interval wilson(double p, int n, double z) {
        double[] bounds = Wilson.bounds(p, n, z);
        return new Interval(bounds[0], bounds[1]);
    }

    /**
     * Newcombe's hybrid score interval (his method 10, 1998) for the difference of two paired
     * proportions: Wilson intervals of both margins, combined with the correlation φ of the pairs. It
     * behaves at the extremes (no disagreement, tiny samples) where the Wald interval fails.
     */
    public static Interval newcombe(Paired t, double z) {
        return newcombe(t.first(), t.second(), phi(t), t.n(), z);
    }

    /** The correlation φ of the pairs, which stays the same when every cell of the table grows in proportion. */
    private static double phi(Paired t) {
        double a = t.bothRight();
        double b = t.onlyFirst();
        double c = t.onlySecond();
        double d = t.bothWrong();
        double denominator = Math.sqrt((a + b) * (c + d) * (a + c) * (b + d));
        return denominator == 0 ? 0 : (a * d - b * c) / denominator;
    }

    private static Interval newcombe(double p1, double p2, double phi, int n, double z) {
        Interval i1 = wilson(p1, n, z);
        Interval i2 = wilson(p2, n, z);
        double lower = Math.sqrt(Math.max(0, sq(p1 - i1.low()) - 2 * phi * (p1 - i1.low()) * (i2.high() - p2) + sq(i2.high() - p2)));
        double upper = Math.sqrt(Math.max(0, sq(i1.high() - p1) - 2 * phi * (i1.high() - p1) * (p2 - i2.low()) + sq(p2 - i2.low())));
        return new Interval(p1 - p2 - lower, p1 - p2 + upper);
    }

    /**
     * Exact one-sided McNemar test that the first version is right more often than the second: under
     * H0 each disagreement goes either way with probability ½, so P(X ≥ onlyFirst), X ~ Bin(b + c, ½).
     */
    static double mcnemarOneSided(Paired t) {
        int discordant = t.onlyFirst() + t.onlySecond();
        if (discordant == 0) {
            return 1;
        }
        return 1 - new BinomialDistribution(null, discordant, 0.5).cumulativeProbability(t.onlyFirst() - 1);
    }

    /** Exact one-sided binomial test that a share of {@code k / n} is above ½: P(X ≥ k), X ~ Bin(n, ½). */
    static double aboveHalf(int k, int n) {
        return n == 0 ? 1 : 1 - new BinomialDistribution(null, n, 0.5).cumulativeProbability(k - 1);
    }

    /**
     * Paired items needed to show an improvement {@code effect} with McNemar's test (Connor 1987):
     * n = (z_α·√ψ + z_β·√(ψ − Δ²))² / Δ², with ψ the share of items on which the versions disagree,
     * smoothed as (b + c + 1) / (n + 2) so that a sample without disagreement still plans for some.
     */
    static int pairedItemsNeeded(Paired t, double effect) {
        double psi = Math.max((t.onlyFirst() + t.onlySecond() + 1.0) / (t.n() + 2.0), effect);
        double numerator = Z_ALPHA * Math.sqrt(psi) + Z_POWER * Math.sqrt(Math.max(0, psi - effect * effect));
        return (int) Math.ceil(sq(numerator / effect));
    }

    /** Items needed to show that a share {@code p} is above ½ with a one-sided binomial test. */
    static int itemsNeededAboveHalf(double p) {
        double numerator = Z_ALPHA * 0.5 + Z_POWER * Math.sqrt(p * (1 - p));
        return (int) Math.ceil(sq(numerator / (p - 0.5)));
    }

    /**
     * Items after which a share measured at {@code p}, below a bar {@code bar}, has a Wilson interval (quantile {@code z}) whose top
     * lies under the bar. The interval holds the π with (p − π)² ≤ z²·π(1 − π)/n, so its top is below the bar exactly when
     * n > z²·bar(1 − bar)/(bar − p)².
     */
    static int itemsToStayBelow(double p, double bar, double z) {
        return (int) Math.min(Math.floor(z * z * bar * (1 - bar) / sq(bar - p)) + 1, Integer.MAX_VALUE);
    }

    /**
     * Paired items after which a table with the shares of {@code t}, its effect below {@code bar}, has a Newcombe interval
     * whose top lies under the bar. Both shares and φ stay as they are, so only the Wilson intervals narrow; the interval has
     * no closed form in n, so the edge is searched for (the top falls as n grows).
     */
    static int pairedItemsToStayBelow(Paired t, double bar, double z) {
        IntPredicate below = n -> newcombe(t.first(), t.second(), phi(t), n, z).high() < bar;
        int fewest = t.n();
        long most = Math.max(1, t.n());
        while (!below.test((int) most)) {
            if (most >= Integer.MAX_VALUE / 2) {
                return Integer.MAX_VALUE;
            }
            fewest = (int) most;
            most *= 2;
        }
        int high = (int) most;
        while (high - fewest > 1) {
            int middle = fewest + (high - fewest) / 2;
            if (below.test(middle)) {
                high = middle;
            } else {
                fewest = middle;
            }
        }
        return high;
    }

    private static double sq(double x) {
        return x * x;
    }
}
