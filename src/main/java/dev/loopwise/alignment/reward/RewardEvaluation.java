package dev.loopwise.alignment.reward;

import dev.loopwise.model.policy.ReplyPolicy;

/**
 * Held-out quality of a reward model on comparisons it did not learn from: of its {@code pairs} preferences, {@code wins}
 * where the chosen reply scores strictly higher and {@code ties} where both score the same, kept apart; {@code accuracy} —
 * (wins + ½·ties) / pairs: a model that scores both replies alike has not chosen, so a tie counts half right, as a coin
 * would be (the concordance convention; counted wrong, identical reply vectors sank a reward model below chance). Tests of
 * "better than chance" use the sign test's usual treatment of ties instead: they carry no direction, so it runs on the
 * wins among the {@link #decided()} rankings. {@code meanMargin} — mean r(chosen) − r(rejected); {@code calibrationError}
 * — expected calibration error of σ(Δ) over ten confidence bins.
 */
public record RewardEvaluation(int pairs, int wins, int ties, Double accuracy, Double meanMargin, Double calibrationError) {

    /** Rankings with a direction, right or wrong: the pairs less the ties. */
    public int decided() {
        return pairs - ties;
    }

    public static RewardEvaluation of(RewardModel model, RewardTrainer.Data data) {
        int[] kinds = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            kinds[i] = (int) data.kinds()[i];
        }
        return of(deltas(model, data), kinds);
    }

    /** r(x, first) − r(x, second) of every preference (0 for ties and "both bad", which are not scored). */
    public static double[] deltas(RewardModel model, RewardTrainer.Data data) {
        double[] deltas = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            deltas[i] = data.kinds()[i] != 0 ? 0 : model.score(data.tickets()[i], prepare(model, data.first()[i]))
                    - model.score(data.tickets()[i], prepare(model, data.second()[i]));
        }
        return deltas;
    }

    /** From any reward model's r(x, first) − r(x, second) per comparison; kind 0 marks preferences, the rest are skipped. */
    public static RewardEvaluation of(double[] deltas, int[] kinds) {
        int n = 0;
        int wins = 0;
        int ties = 0;
        double margin = 0;
        double[] binConfidence = new double[10];
        double[] binCorrect = new double[10];
        int[] binCount = new int[10];
        for (int i = 0; i < deltas.length; i++) {
            if (kinds[i] != 0) {
                continue;
            }
            double delta = deltas[i];
            n++;
            boolean right = delta > 0;
            wins += right ? 1 : 0;
            ties += delta == 0 ? 1 : 0;
            margin += delta;
            double p = 1 / (1 + Math.exp(-delta));
            double confidence = Math.max(p, 1 - p);
            int bin = Math.min(9, (int) ((confidence - 0.5) * 20));
            binConfidence[bin] += confidence;
            // A tie says 50:50 and, as in the accuracy, is half right: counted wrong, a model that scores both replies alike
            // would look as badly calibrated as one sure of the wrong reply every time.
            binCorrect[bin] += right ? 1 : delta == 0 ? 0.5 : 0;
            binCount[bin]++;
        }
        if (n == 0) {
            return new RewardEvaluation(0, 0, 0, null, null, null);
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binCorrect[b] / binCount[b] - binConfidence[b] / binCount[b]) * binCount[b] / n;
            }
        }
        return new RewardEvaluation(n, wins, ties, (wins + 0.5 * ties) / n, margin / n, ece);
    }

    private static ReplyPolicy.PreparedReply prepare(RewardModel model, float[] reply) {
        return model.prepare(reply);
    }
}
