package dev.loopwise.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Chooses the confidence below which a request is handed to a human, on held-out data only.
 * With out-of-scope examples: the threshold maximising in-scope accuracy + w · out-of-scope recall
 * (both rates, so the rarer out-of-scope class is not drowned; w says what catching one is worth). Without them, or with
 * fewer than {@link #MIN_OUT_OF_SCOPE_EXAMPLES}: the threshold that keeps {@code retention} of the held-out in-scope
 * requests.
 */
public final class OutOfScopeThreshold {
    /**
     * Fewer held-out out-of-scope examples than this cannot measure a recall worth trading answers for: with two of them
     * (ten per intent, a fifth held out) one caught request moves the estimate by half, its standard error is about 0.35,
     * and the rule would hand over up to 15% of in-scope requests to catch it.
     */
    public static final int MIN_OUT_OF_SCOPE_EXAMPLES = 20;

    private OutOfScopeThreshold() {
    }

    /** Whether {@code outOfScopeExamples} held-out examples are enough to weigh out-of-scope recall. */
    public static boolean enoughToWeigh(int outOfScopeExamples) {
        return outOfScopeExamples >= MIN_OUT_OF_SCOPE_EXAMPLES;
    }

    /**
     * @param confidence     best in-scope probability of each held-out row
     * @param correct        the best in-scope intent is the right one (in-scope rows)
     * @param outOfScope     the row is an out-of-scope example
     * @param flaggedByClass the out-of-scope class itself won (flagged whatever the threshold)
     */
    public static double choose(double[] confidence, boolean[] correct, boolean[] outOfScope, boolean[] flaggedByClass,
                                double retention, double outOfScopeWeight) {
        int inScope = 0;
        int oos = 0;
        for (boolean o : outOfScope) {
            if (o) {
                oos++;
            } else {
                inScope++;
            }
        }
        if (inScope == 0) {
            return 0;
        }
        if (!enoughToWeigh(oos)) {
            double[] sorted = Arrays.stream(indices(outOfScope, false)).mapToDouble(i -> confidence[i]).sorted().toArray();
            int drop = (int) Math.floor((1 - retention) * sorted.length);
            return drop == 0 ? 0 : sorted[drop - 1] + 1e-9;
        }
        double[] candidates = Arrays.stream(confidence).map(c -> c + 1e-9).sorted().distinct().toArray();
        double best = 0;
        double bestScore = score(0, confidence, correct, outOfScope, flaggedByClass, inScope, oos, outOfScopeWeight);
        for (double t : candidates) {
            double s = score(t, confidence, correct, outOfScope, flaggedByClass, inScope, oos, outOfScopeWeight);
            if (s > bestScore) {
                bestScore = s;
                best = t;
            }
        }
        return best;
    }

    private static double score(double t, double[] confidence, boolean[] correct, boolean[] outOfScope,
                                boolean[] flaggedByClass, int inScope, int oos, double weight) {
        int kept = 0;
        int caught = 0;
        for (int i = 0; i < confidence.length; i++) {
            boolean flagged = flaggedByClass[i] || confidence[i] < t;
            if (outOfScope[i] && flagged) {
                caught++;
            } else if (!outOfScope[i] && !flagged && correct[i]) {
                kept++;
            }
        }
        return (double) kept / inScope + weight * caught / oos;
    }

    private static int[] indices(boolean[] values, boolean wanted) {
        return IntStream.range(0, values.length).filter(i -> values[i] == wanted).toArray();
    }
}
