package dev.loopwise.monitoring.drift;

/**
 * How drift is measured and when it alarms.
 *
 * @param window            served requests in the window compared with the training tickets
 * @param referenceSample   training tickets sampled as the reference
 * @param permutations      permutations of the MMD test
 * @param mmdAlpha          input drift: MMD permutation-test p-value below this ...
 * @param minMmd            ... and MMD² above this (a shift too small to matter does not alarm)
 * @param psiThreshold      prediction drift: PSI of the intent mix above what a window of this size shows by chance, by this much
 * @param novelQuantile     a request less familiar (nearest training ticket less similar) than this share of held-out tickets is
 *                          unfamiliar; more of them than chance gives (rank test below {@code mmdAlpha}) alarm
 * @param minClusterSize    the excess over chance needed to alarm, and the size of a group of them named as a new topic
 * @param confidenceDrop    mean confidence this far below the held-out level alarms
 * @param oosRise           out-of-scope rate this far above the held-out level alarms
 * @param thumbsDownRate    share of thumbs down (with at least 10 verdicts) above this alarms
 * @param nonFirstChoiceRate share of judgements preferring a reply other than the policy's first choice above this alarms
 */
public record DriftSettings(int window, int referenceSample, int permutations, double mmdAlpha, double minMmd, double psiThreshold,
                            double novelQuantile, int minClusterSize, double confidenceDrop, double oosRise, double thumbsDownRate,
                            double nonFirstChoiceRate, long seed) {
    public DriftSettings {
        if (window < 10 || referenceSample < 10 || permutations < 20) {
            throw new IllegalArgumentException("window and referenceSample must be at least 10, permutations at least 20");
        }
        if (!(novelQuantile > 0 && novelQuantile < 0.5)) {
            throw new IllegalArgumentException("novelQuantile must be above 0 and below 0.5 (a low share of the tickets kept aside for measuring)");
        }
    }
}
