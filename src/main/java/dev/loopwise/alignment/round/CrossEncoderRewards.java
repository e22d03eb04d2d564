package dev.loopwise.alignment.round;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.model.transformer.crossencoder.RewardPairs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * Whether the cross-encoder is clearly more accurate than the vector model on the same held-out preferences, decided
     * as the promotion gates decide: an exact one-sided sign test (α = 0.05) on the preferences where the two models do
     * differently, and only on preferences from at least {@link Gates#FEWEST_TICKETS} different tickets. A model ranks a
     * preference right, wrong, or scores both replies alike (a tie: it has not chosen). Where one is right and the other
     * wrong or tied, or one tied and the other wrong, the first did better; preferences both handle alike (both right,
     * both wrong, both tied) carry no direction and are kept apart. No tie counts as half of anything: against a vector
     * model that ties every pair (identical sentence vectors, which the cross-encoder is there to tell apart) this is the
     * gate's own test of the cross-encoder's rankings against chance. Otherwise the vector model stays — it is cheaper to
     * train and to run, and a difference within noise (the validation share also chose the cross-encoder's epoch) is no
     * reason to pay for the transformer.
     *
     * @param tickets the ticket of each comparison, in the order of the deltas
     */
    public static boolean crossClearlyBetter(double[] crossDeltas, double[] vectorDeltas, int[] kinds, List<String> tickets) {
        int crossBetter = 0;
        int vectorBetter = 0;
        Set<String> from = new HashSet<>();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == 0) {
                from.add(tickets.get(i));
                int compared = Integer.compare(outcome(crossDeltas[i]), outcome(vectorDeltas[i]));
                crossBetter += compared > 0 ? 1 : 0;
                vectorBetter += compared < 0 ? 1 : 0;
            }
        }
        return from.size() >= Gates.FEWEST_TICKETS
                && GateStatistics.aboveHalf(crossBetter, crossBetter + vectorBetter) < GateStatistics.ALPHA;
    }

    /** 1 ranked right, 0 a tie, -1 wrong: a score that is not a number (a diverged model) ranked nothing right. */
    private static int outcome(double delta) {
        return delta > 0 ? 1 : delta == 0 ? 0 : -1;
    }
}
