package dev.loopwise.model.transformer.crossencoder;

/**
 * Held-out measures of a reward model on judgements, from the two replies' rewards: pairwise accuracy on the
 * preferences (an equal score counts half, as a coin would) and the Bradley–Terry loss of
 * {@code dev.loopwise.model.BradleyTerryLoss}, computed here on plain numbers.
 */
public final class RewardMetrics {
    private RewardMetrics() {
    }

    /** Share of preferences whose first reply scores higher; NaN when there are none. */
    public static double accuracy(double[] first, double[] second, int[] kinds) {
        double right = 0;
        int n = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == RewardPairs.PREFERENCE) {
                n++;
                right += first[i] > second[i] ? 1 : first[i] == second[i] ? 0.5 : 0;
            }
        }
        return n == 0 ? Double.NaN : right / n;
    }

    /** Σ w·ℓ / Σ w, with ℓ the loss of the judgement's kind. */
    public static double loss(double[] first, double[] second, RewardPairs pairs) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < pairs.size(); i++) {
            double delta = first[i] - second[i];
            double l = switch (pairs.kinds()[i]) {
                case RewardPairs.PREFERENCE -> -logSigmoid(delta - pairs.margins()[i]);
                case RewardPairs.TIE -> -0.5 * (logSigmoid(delta) + logSigmoid(-delta));
                default -> -logSigmoid(-first[i]) - logSigmoid(-second[i]);
            };
            sum += pairs.weights()[i] * l;
            weights += pairs.weights()[i];
        }
        return sum / (weights + 1e-8);
    }

    static double logSigmoid(double z) {
        return Math.min(z, 0) - Math.log1p(Math.exp(-Math.abs(z)));
    }
}
