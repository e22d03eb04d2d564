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
     * {@code (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n)}, clipped to 0–1 against rounding.
     */
    public static double[] bounds(double p, int n, double z) {
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
