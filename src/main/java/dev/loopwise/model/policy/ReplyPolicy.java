package dev.loopwise.model.policy;

import dev.loopwise.model.Vectors;
import dev.loopwise.model.intent.IntentHead;
import java.util.List;

/**
 * The reply policy π(a | x) ∝ p(intent(a) | x) · exp(s(x, a)): the intent classifier routes, the pair
 * scorer s chooses among (and, if it learns to, across) intents' replies. The scorer's weights are held
 * as plain arrays so that serving needs no engine; {@code queryWeights} etc. are [hidden][d].
 */
public record ReplyPolicy(float[][] queryWeights, float[][] replyWeights, float[][] interactionWeights,
                          float[] hiddenBias, float[] outWeights, float outBias) {

    public int hidden() {
        return hiddenBias.length;
    }

    /** What a reply contributes to every score, computed once per reply: (Wr·a + b, Wi∘a). */
    public PreparedReply prepare(float[] reply) {
        int h = hidden();
        float[] constant = new float[h];
        float[][] interaction = new float[h][];
        for (int k = 0; k < h; k++) {
            constant[k] = (float) (Vectors.dot(replyWeights[k], reply) + hiddenBias[k]);
            float[] row = new float[reply.length];
            for (int j = 0; j < reply.length; j++) {
                row[j] = interactionWeights[k][j] * reply[j];
            }
            interaction[k] = row;
        }
        return new PreparedReply(constant, interaction);
    }

    public record PreparedReply(float[] constant, float[][] interaction) {
    }

    /** The ticket's part of the hidden layer, shared by all its candidates. */
    public float[] queryPart(float[] x) {
        float[] q = new float[hidden()];
        for (int k = 0; k < q.length; k++) {
            q[k] = (float) Vectors.dot(queryWeights[k], x);
        }
        return q;
    }

    public double score(float[] queryPart, float[] x, PreparedReply reply) {
        double s = outBias;
        for (int k = 0; k < queryPart.length; k++) {
            double h = queryPart[k] + reply.constant()[k] + Vectors.dot(reply.interaction()[k], x);
            if (h > 0) {
                s += outWeights[k] * h;
            }
        }
        return s;
    }

    /** π(· | x) over the prepared candidates; {@code logPrior[a]} = log p(intent(a) | x). */
    public double[] distribution(float[] x, PreparedReply[] candidates, double[] logPrior) {
        return Vectors.softmax(logits(x, candidates, logPrior));
    }

    public double[] logits(float[] x, PreparedReply[] candidates, double[] logPrior) {
        float[] q = queryPart(x);
        double[] logits = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            logits[i] = score(q, x, candidates[i]) + logPrior[i];
        }
        return logits;
    }

    /** log p(intent(a) | x) for each candidate, floored so an unlikely intent is not impossible. */
    public static double[] logPrior(IntentHead head, float[] x, List<String> candidateIntents) {
        double[] p = head.probabilities(x);
        double[] prior = new double[candidateIntents.size()];
        for (int a = 0; a < prior.length; a++) {
            int c = head.labels().indexOf(candidateIntents.get(a));
            prior[a] = Math.log(Math.max(c < 0 ? 0 : p[c], MIN_PRIOR));
        }
        return prior;
    }

    static final double MIN_PRIOR = 1e-6;
}
