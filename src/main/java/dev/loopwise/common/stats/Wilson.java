package dev.loopwise.common.stats;

/**
 * Wilson's score interval for a share: unlike "share ± z standard errors" it stays within 0–1 and is honest at
 * 100% of a few, which is where support teams' small held-out sets and short rounds live.
 */
public final class Wilson {

    private Wilson() {
    }

    /**
     * The interval {@code {low, high}} around a share {@code p} of {@code n} items at normal quantile {@code z}:
     * {@code (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n)}, clipped to 0–1 against rounding. A share of no items
     * has none: at {@code n = 0} both bounds are NaN, and callers say "too few" before asking.
     */
    public static double[] bounds(double p, int n, double z) {
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** An interval in whole percents, floor and ceiling, so that rounding never claims more certainty than it gives. */
    public static int[] wholePercents(double[] bounds) {
        return new int[] {(int) Math.floor(bounds[0] * 100), (int) Math.ceil(bounds[1] * 100)};
    }

    /**
     * Newcombe's hybrid score interval (his method 10, 1998) for the difference {@code k1/n1 − k2/n2} of two independent
     * shares: {@code d − √((p1 − l1)² + (u2 − p2)²)} to {@code d + √((u1 − p1)² + (p2 − l2)²)} from both shares' Wilson
     * intervals, which keeps its coverage at 0 of n and n of n, where "difference ± z standard errors" claims certainty.
     */
    public static double[] difference(int k1, int n1, int k2, int n2, double z) {
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        double[] first = bounds(p1, n1, z);
        double[] second = bounds(p2, n2, z);
        double d = p1 - p2;
        return new double[] {d - Math.hypot(p1 - first[0], second[1] - p2), d + Math.hypot(first[1] - p1, p2 - second[0])};
    }
}
