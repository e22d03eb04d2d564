package dev.loopwise.alignment.round;

import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.common.text.PlainText;
import java.util.List;

/**
 * Settings of one alignment round, validated on construction.
 *
 * @param method            {@code reward_weighted} (distil π* ∝ π_ref·exp(r/β)) or {@code dpo}
 * @param rewardModel       {@code vector}, {@code cross} (the cross-encoder tuned from the version's encoder) or
 *                          {@code auto} (the cross-encoder from {@link CrossEncoderRewards#MIN_JUDGEMENTS} judgements on,
 *                          kept only where it is clearly more accurate on a validation share)
 * @param beta              strength of the KL pull towards π_ref (smaller: follow the reward more)
 * @param heldOutShare      share of tickets whose judgements are kept aside to measure the reward model and the policies
 * @param minRewardAccuracy gate: the reward model's held-out accuracy must reach this
 * @param maxIntentDrop     gate: the share of held-out tickets whose first reply fits their intent may fall by at most this much
 * @param maxKl             gate: mean KL(π‖π_ref) over known tickets must stay below this
 * @param replaySample      older judgements the round replays beside the new ones; null: the configured number
 */
public record RoundSettings(String method, double beta, long seed, RewardTrainer.Config reward, String rewardModel, int policyEpochs,
                            double heldOutShare, double minRewardAccuracy, double maxIntentDrop, double maxKl, Integer replaySample) {
    public static final String REWARD_WEIGHTED = "reward_weighted";
    public static final String DPO = "dpo";
    public static final String AUTO_REWARD = "auto";
    public static final String VECTOR_REWARD = "vector";
    public static final String CROSS_REWARD = "cross";
    public static final double MIN_BETA = 0.01;
    public static final double MAX_BETA = 100;

    public RoundSettings {
        if (!REWARD_WEIGHTED.equals(method) && !DPO.equals(method)) {
            throw new IllegalArgumentException("method must be reward_weighted or dpo, not " + given(method));
        }
        if (rewardModel == null || !List.of(AUTO_REWARD, VECTOR_REWARD, CROSS_REWARD).contains(rewardModel)) {
            throw new IllegalArgumentException("rewardModel must be auto, vector or cross, not " + given(rewardModel));
        }
        // Below 0.01 the update's arithmetic breaks down (exp(r/β) overflows, DPO's gradients vanish) without following
        // the reward any better.
        if (!(beta >= MIN_BETA) || beta > MAX_BETA) {
            throw new IllegalArgumentException("beta must be between " + MIN_BETA + " and 100 (smaller follows the reward more)");
        }
        if (policyEpochs < 1 || policyEpochs > 10_000) {
            throw new IllegalArgumentException("policyEpochs must be between 1 and 10000");
        }
        if (!(heldOutShare > 0 && heldOutShare < 0.9)) {
            throw new IllegalArgumentException("heldOutShare must be in (0, 0.9)");
        }
        if (minRewardAccuracy < 0 || minRewardAccuracy > 1 || maxIntentDrop < 0 || maxKl <= 0) {
            throw new IllegalArgumentException("minRewardAccuracy must be in [0, 1], maxIntentDrop ≥ 0, maxKl > 0");
        }
        if (replaySample != null && (replaySample < 0 || replaySample > RoundScope.MAX_REPLAY)) {
            throw new IllegalArgumentException("replaySample must be between 0 and " + RoundScope.MAX_REPLAY);
        }
    }

    /** Settings that replay the configured number of older judgements. */
    public RoundSettings(String method, double beta, long seed, RewardTrainer.Config reward, String rewardModel, int policyEpochs,
                         double heldOutShare, double minRewardAccuracy, double maxIntentDrop, double maxKl) {
        this(method, beta, seed, reward, rewardModel, policyEpochs, heldOutShare, minRewardAccuracy, maxIntentDrop, maxKl, null);
    }

    /** A refused choice as the refusal quotes it: "" would otherwise read as "not ." and true as a word of the sentence. */
    private static String given(String value) {
        return value == null || value.isBlank() ? "empty" : "'" + PlainText.quoted(value) + "'";
    }
}
