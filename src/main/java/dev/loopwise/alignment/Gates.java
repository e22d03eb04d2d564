package dev.loopwise.alignment;

import java.util.ArrayList;
import java.util.List;

/** The conditions a candidate must meet to be promoted; each verdict says why, in numbers. */
final class Gates {
    private Gates() {
    }

    static List<RoundResult.Gate> check(RoundSettings settings, RewardEvaluation reward, double candidateAgreement,
                                        double activeAgreement, int preferencePairs, Double candidateIntentAccuracy,
                                        Double activeIntentAccuracy, Double kl, boolean noIntentTest) {
        List<RoundResult.Gate> gates = new ArrayList<>();
        Double accuracy = reward.accuracy();
        gates.add(new RoundResult.Gate("reward_accuracy", accuracy != null && accuracy >= settings.minRewardAccuracy(),
                accuracy == null ? "The held-out judgements hold no strict preference to measure the reward model on."
                        : String.format("Reward model held-out accuracy %.3f (floor %.3f).", accuracy, settings.minRewardAccuracy())));
        boolean better = preferencePairs > 0 && candidateAgreement > activeAgreement;
        gates.add(new RoundResult.Gate("preference_agreement", better, preferencePairs == 0
                ? "No held-out preference between two library replies to compare the versions on."
                : String.format("Candidate agrees with %.3f of %d held-out human preferences, the active version with %.3f%s.",
                        candidateAgreement, preferencePairs, activeAgreement, better ? "" : " (must be higher)")));
        if (noIntentTest) {
            gates.add(new RoundResult.Gate("intent_accuracy", true, "No held-out labelled tickets; intent accuracy not checked."));
        } else {
            double drop = activeIntentAccuracy - candidateIntentAccuracy;
            gates.add(new RoundResult.Gate("intent_accuracy", drop <= settings.maxIntentDrop(),
                    String.format("Held-out intent accuracy %.3f (active %.3f, largest allowed drop %.3f).", candidateIntentAccuracy,
                            activeIntentAccuracy, settings.maxIntentDrop())));
        }
        gates.add(new RoundResult.Gate("kl_bound", kl != null && kl <= settings.maxKl(),
                String.format("Mean KL(π‖π_ref) %.4f (bound %.4f).", kl, settings.maxKl())));
        return gates;
    }
}
