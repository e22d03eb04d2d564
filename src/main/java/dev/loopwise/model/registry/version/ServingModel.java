package dev.loopwise.model.registry.version;

import dev.loopwise.model.Vectors;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.intent.IntentPrediction;
import dev.loopwise.model.policy.BatchScorer;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.ticket.SlotFiller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The active model version ready to answer: its bundle, the encoder it reads vectors from, and the reply
 * library prepared for its policy. Immutable; a new version or library change replaces the whole object.
 */
public record ServingModel(int version, EncoderRef encoder, ModelBundle bundle, List<Candidate> candidates, float[][] candidateEmbeddings,
                           ReplyPolicy.PreparedReply[] prepared, BatchScorer.Prepared batch) {

    public record Candidate(long replyId, String intent, String text) {
    }

    /**
     * The decision for one ticket: its intent and, unless it is out of scope, the reply to send. {@code preference}
     * ranks the whole library for this ticket (one value per candidate, higher preferred: the policy's logits or
     * π), so that whoever needs the runners-up does not score the library again; null when no reply was chosen.
     */
    public record Decision(IntentPrediction intent, Candidate reply, String replyText, List<String> openSlots, double[] preference) {
    }

    /** Frees what the library's batch scorer holds outside the heap; decisions still work afterwards, more slowly. */
    public void release() {
        if (batch != null) {
            batch.close();
        }
    }

    public List<String> candidateIntents() {
        return candidates.stream().map(Candidate::intent).toList();
    }

    /** Decisions for a batch of tickets, scoring every ticket against the library in one matrix product. */
    public List<Decision> decideAll(float[][] vectors, List<String> tickets, List<Boolean> withReply) {
        float[][] scores = batch == null || candidates.isEmpty() ? null : batch.scores(
                IntStream.range(0, vectors.length).mapToObj(i -> PolicyFeatures.ticket(vectors[i], tickets.get(i)))
                        .toArray(float[][]::new));
        List<Decision> decisions = new ArrayList<>();
        List<String> intents = candidateIntents();
        for (int i = 0; i < vectors.length; i++) {
            IntentPrediction intent = bundle.intent().predict(vectors[i]);
            if (!withReply.get(i) || intent.outOfScope() || !hasReplies(intent.label())) {
                decisions.add(new Decision(intent, null, null, List.of(), null));
                continue;
            }
            double[] preference;
            if (scores == null) {
                preference = replyDistribution(vectors[i], tickets.get(i), intent);
            } else {
                double[] prior = ReplyPolicy.logPrior(bundle.intent(), vectors[i], intents);
                preference = new double[prior.length];
                for (int a = 0; a < preference.length; a++) {
                    preference[a] = scores[i][a] + prior[a];
                }
            }
            decisions.add(chosen(intent, preference, tickets.get(i)));
        }
        return decisions;
    }

    public Decision decide(float[] x, String ticket, boolean withReply) {
        IntentPrediction intent = bundle.intent().predict(x);
        if (!withReply || intent.outOfScope() || !hasReplies(intent.label())) {
            return new Decision(intent, null, null, List.of(), null);
        }
        return chosen(intent, replyDistribution(x, ticket, intent), ticket);
    }

    /**
     * Whether the library holds a reply for this intent. Without one the ticket is handed to a person: the policy would
     * otherwise send the best of other intents' replies, which answers a question the customer did not ask.
     */
    public boolean hasReplies(String intent) {
        for (Candidate candidate : candidates) {
            if (candidate.intent().equals(intent)) {
                return true;
            }
        }
        return false;
    }

    /** The library's most preferred reply, its slots filled from the ticket. */
    private Decision chosen(IntentPrediction intent, double[] preference, String ticket) {
        Candidate reply = candidates.get(Vectors.argmax(preference));
        SlotFiller.Filled filled = SlotFiller.fill(reply.text(), ticket);
        return new Decision(intent, reply, filled.text(), filled.openSlots(), preference);
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
        if (Arrays.stream(logits).allMatch(l -> l == Double.NEGATIVE_INFINITY)) {
            Arrays.fill(logits, 0);
        }
        return Vectors.softmax(logits);
    }
}
