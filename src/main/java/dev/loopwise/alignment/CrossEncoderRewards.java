package dev.loopwise.alignment;

import dev.loopwise.model.transformer.RewardPairs;
import java.util.List;

/** Human comparisons as the cross-encoder reward model takes them. */
public final class CrossEncoderRewards {
    /**
     * Below this many training judgements {@code auto} keeps the vector reward model without trying the
     * cross-encoder: a validation share of fewer judgements is too small to tell the two apart (±7 points at 200), and
     * tuning a transformer on a few dozen comparisons overfits.
     */
    public static final int MIN_JUDGEMENTS = 200;

    private CrossEncoderRewards() {
    }

    public static RewardPairs pairs(List<PreferencePair> pairs) {
        int n = pairs.size();
        int[] kinds = new int[n];
        float[] margins = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            PreferencePair p = pairs.get(i);
            // Kind codes are the Bradley–Terry loss's: preference 0, tie 1, both bad 2 (the enum's order).
            kinds[i] = p.kind().ordinal();
            margins[i] = (float) p.margin();
            weights[i] = (float) p.weight();
        }
        return new RewardPairs(pairs.stream().map(PreferencePair::prompt).toList(),
                pairs.stream().map(PreferencePair::first).toList(), pairs.stream().map(PreferencePair::second).toList(),
                kinds, margins, weights);
    }

    /**
     * Whether the cross-encoder is clearly more accurate than the vector model on the same held-out comparisons:
     * the mean paired difference of their per-pair scores (1 right, ½ equal rewards, 0 wrong) exceeds its standard
     * error. Otherwise the vector model stays — it is cheaper to train and to run, and a difference within noise
     * (the validation share also chose the cross-encoder's epoch) is no reason to pay for the transformer.
     */
    public static boolean crossClearlyBetter(double[] crossDeltas, double[] vectorDeltas, int[] kinds) {
        int n = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == 0) {
                double d = right(crossDeltas[i]) - right(vectorDeltas[i]);
                n++;
                sum += d;
                squares += d * d;
            }
        }
        if (n < 2) {
            return false;
        }
        double mean = sum / n;
        double variance = Math.max(0, (squares - n * mean * mean) / (n - 1));
        return mean > 0 && mean > Math.sqrt(variance / n);
    }

    private static double right(double delta) {
        return delta > 0 ? 1 : delta == 0 ? 0.5 : 0;
    }

    /** Peak resident memory of this process in MB (VmHWM), or NaN where /proc is not there. */
    public static double peakRssMegabytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
