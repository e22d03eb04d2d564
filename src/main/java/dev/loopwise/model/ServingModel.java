package dev.loopwise.model;

import java.util.List;

/**
 * The active model version ready to answer: its bundle and the reply library prepared for its policy.
 * Immutable; a new version or library change replaces the whole object.
 */
public record ServingModel(int version, ModelBundle bundle, List<Candidate> candidates, float[][] candidateEmbeddings,
                           ReplyPolicy.PreparedReply[] prepared) {

    public record Candidate(long replyId, String intent, String text) {
    }

    /** The decision for one ticket: its intent and, unless it is out of scope, the reply to send. */
    public record Decision(IntentPrediction intent, Candidate reply, String replyText, List<String> openSlots) {
    }

    public List<String> candidateIntents() {
        return candidates.stream().map(Candidate::intent).toList();
    }

    public Decision decide(float[] x, String ticket, boolean withReply) {
        IntentPrediction intent = bundle.intent().predict(x);
        if (!withReply || intent.outOfScope() || candidates.isEmpty()) {
            return new Decision(intent, null, null, List.of());
        }
        int choice = PolicyTargets.argmax(replyDistribution(x, ticket, intent));
        Candidate reply = candidates.get(choice);
        SlotFiller.Filled filled = SlotFiller.fill(reply.text(), ticket);
        return new Decision(intent, reply, filled.text(), filled.openSlots());
    }

    /**
     * π(· | x) over the library. Without a trained policy (zero-shot), the replies of the predicted
     * intent share the mass by their similarity to the ticket.
     */
    public double[] replyDistribution(float[] x, String ticket, IntentPrediction intent) {
        if (bundle.policy() != null) {
            return bundle.policy().distribution(PolicyFeatures.ticket(x, ticket), prepared,
                    ReplyPolicy.logPrior(bundle.intent(), x, candidateIntents()));
        }
        double[] logits = new double[candidates.size()];
        for (int a = 0; a < logits.length; a++) {
            logits[a] = candidates.get(a).intent().equals(intent.label())
                    ? Vectors.dot(x, candidateEmbeddings[a]) / 0.05 : Double.NEGATIVE_INFINITY;
        }
        if (java.util.Arrays.stream(logits).allMatch(l -> l == Double.NEGATIVE_INFINITY)) {
            java.util.Arrays.fill(logits, 0);
        }
        return Vectors.softmax(logits);
    }
}
