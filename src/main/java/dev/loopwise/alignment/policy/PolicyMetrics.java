package dev.loopwise.alignment.policy;

import dev.loopwise.model.Vectors;
import java.util.List;
import java.util.Map;

/**
 * What a policy update did, measured on every known ticket — the tickets it was updated on, so these describe the update
 * (training figures, like a loss), never how the version does on new tickets, which the gates measure on held-out judgements: {@code policy/kl} — mean KL(π‖π_ref);
 * {@code policy/expected_reward} — mean E_π[r̃] in standard deviations of the reward (and the same for π_ref); {@code policy/changed_choice_rate} —
 * how often π's first choice differs from the active version's.
 */
public final class PolicyMetrics {
    private PolicyMetrics() {
    }

    public static void putAll(Map<String, Object> metrics, float[][] referenceLogits, float[][] updatedLogits, float[][] activeLogits,
                       float[][] normalisedReward) {
        double kl = 0;
        double rewardUpdated = 0;
        double rewardReference = 0;
        int changed = 0;
        int n = referenceLogits.length;
        for (int i = 0; i < n; i++) {
            double[] p = Vectors.softmax(PolicyUpdate.toDouble(updatedLogits[i]));
            double[] q = Vectors.softmax(PolicyUpdate.toDouble(referenceLogits[i]));
            for (int a = 0; a < p.length; a++) {
                rewardUpdated += p[a] * normalisedReward[i][a];
                rewardReference += q[a] * normalisedReward[i][a];
                if (p[a] > 1e-12) {
                    kl += p[a] * Math.log(p[a] / Math.max(q[a], 1e-300));
                }
            }
            changed += Vectors.argmax(updatedLogits[i]) != Vectors.argmax(activeLogits[i]) ? 1 : 0;
        }
        metrics.put("policy/kl", kl / n);
        metrics.put("policy/expected_reward", rewardUpdated / n);
        metrics.put("policy/reference_expected_reward", rewardReference / n);
        metrics.put("policy/changed_choice_rate", (double) changed / n);
    }

    /** For each pair, whether the policy ranks the reviewers' chosen reply above the rejected one. */
    public static boolean[] agrees(float[][] logits, List<PolicyUpdate.LibraryPair> pairs) {
        boolean[] agrees = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            PolicyUpdate.LibraryPair pair = pairs.get(i);
            agrees[i] = logits[pair.ticket()][pair.chosen()] > logits[pair.ticket()][pair.rejected()];
        }
        return agrees;
    }
}
