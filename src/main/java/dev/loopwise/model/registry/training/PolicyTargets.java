package dev.loopwise.model.registry.training;

import dev.loopwise.model.Vectors;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reference policy imitates: for a ticket of intent c, the library replies of c, weighted by
 * how closely each resembles the reply the agent actually sent, q(a) ∝ exp(cos(E(sent), E(a)) / τ);
 * without a sent reply, all of c's replies equally.
 */
final class PolicyTargets {
    private PolicyTargets() {
    }

    /** The target over all replies, or null when the intent has no reply in the library. */
    static float[] fromAgentReply(String intent, float[] sent, float[][] replies, List<String> replyIntents, double temperature) {
        float[] target = new float[replies.length];
        double[] logits = new double[replies.length];
        int matching = 0;
        for (int a = 0; a < replies.length; a++) {
            if (replyIntents.get(a).equals(intent)) {
                matching++;
                logits[a] = sent == null ? 0 : Vectors.dot(sent, replies[a]) / temperature;
            } else {
                logits[a] = Double.NEGATIVE_INFINITY;
            }
        }
        if (matching == 0) {
            return null;
        }
        double[] p = Vectors.softmax(logits);
        for (int a = 0; a < p.length; a++) {
            target[a] = (float) p[a];
        }
        return target;
    }

    /**
     * Held-out policy metrics: {@code policy/agent_agreement} — the policy's first choice is the library
     * reply closest to what the agent sent; {@code policy/intent_consistency} — its first choice belongs to
     * the ticket's intent. Tickets of an intent without replies (out of scope) are handed over, never
     * answered, so they do not count.
     */
    static Map<String, Object> evaluate(ReplyPolicy policy, IntentHead intents, List<WorkspaceSnapshot.TicketInfo> tickets, float[][] ticketVectors,
                                        TextTable texts, float[][] allVectors, float[][] replies,
                                        float[][] replyFeatures, List<String> replyIntents, double temperature) {
        ReplyPolicy.PreparedReply[] prepared = new ReplyPolicy.PreparedReply[replies.length];
        for (int a = 0; a < replies.length; a++) {
            prepared[a] = policy.prepare(replyFeatures[a]);
        }
        int agreed = 0;
        int withReply = 0;
        int consistent = 0;
        int answerable = 0;
        for (int i = 0; i < tickets.size(); i++) {
            float[] x = ticketVectors[i];
            WorkspaceSnapshot.TicketInfo ticket = tickets.get(i);
            if (!replyIntents.contains(ticket.intent())) {
                continue;
            }
            answerable++;
            int choice = Vectors.argmax(policy.distribution(PolicyFeatures.ticket(x, ticket.text()), prepared,
                    ReplyPolicy.logPrior(intents, x, replyIntents)));
            consistent += replyIntents.get(choice).equals(ticket.intent()) ? 1 : 0;
            if (ticket.response() != null) {
                float[] target = fromAgentReply(ticket.intent(), allVectors[texts.row(ticket.response())], replies, replyIntents,
                        temperature);
                if (target != null) {
                    withReply++;
                    agreed += Vectors.argmax(target) == choice ? 1 : 0;
                }
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("policy/intent_consistency", answerable == 0 ? null : (double) consistent / answerable);
        metrics.put("policy/agent_agreement", withReply == 0 ? null : (double) agreed / withReply);
        // Each rests on its own share of the held-out tickets: the pages say how many, and chance is judged on that many.
        metrics.put("policy/intent_consistency_tickets", answerable);
        metrics.put("policy/agent_agreement_tickets", withReply);
        return metrics;
    }

}
