package dev.loopwise.alignment.reward;

import dev.loopwise.model.policy.ReplyPolicy;

/**
 * The reward model r_φ(x, a): the same pair scorer as the policy ([E(x), E(a), E(x)⊙E(a)] plus slot
 * signals), here read as a scalar score of how good reply a is for ticket x.
 */
public record RewardModel(ReplyPolicy scorer) {

    public double score(float[] ticketFeatures, ReplyPolicy.PreparedReply reply) {
        return scorer.score(scorer.queryPart(ticketFeatures), ticketFeatures, reply);
    }

    public ReplyPolicy.PreparedReply prepare(float[] replyFeatures) {
        return scorer.prepare(replyFeatures);
    }
}
