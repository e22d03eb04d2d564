package dev.loopwise.model.transformer.tuning;

import ai.djl.ndarray.NDArray;
import dev.loopwise.model.Djl;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The pair losses of contrastive tuning ({@link ContrastiveFineTuner}) over every pair of a batch: same label —
 * positive, different labels — negative, two out-of-scope texts — no pair (they share no meaning).
 *
 * <p>{@code COSINE_SIMILARITY} (SetFit's, positives and negatives weighted equally): with u the tuned unit
 * vectors, P the positive and N the negative pairs of the batch,
 * L = ½·(1/|P|) Σ_{(i,j)∈P} (cos(u_i, u_j) − 1)² + ½·(1/|N|) Σ_{(i,j)∈N} cos(u_i, u_j)².
 *
 * <p>Or {@code SUPERVISED_CONTRASTIVE} (Khosla et al. 2020; the InfoNCE form the bundled encoders were
 * pre-trained with, labels choosing the positives): with s_ij = cos(u_i, u_j)/τ, P(i) the positives of anchor i
 * and A(i) every other text of the batch except out-of-scope texts paired with an out-of-scope anchor,
 * L = (1/|I|) Σ_{i∈I} −(1/|P(i)|) Σ_{p∈P(i)} log( exp(s_ip) / Σ_{a∈A(i)} exp(s_ia) ), over the anchors I that
 * have a positive.
 */
final class PairLosses {
    private PairLosses() {
    }

    /**
     * The supervised contrastive loss over the batch.
     *
     * @param pooled unit vectors [rows, hidden]
     */
    static NDArray supervisedContrastive(NDManager manager, NDArray pooled, int[] labels, int outOfScopeClass,
                                             double temperature) {
        int n = labels.length;
        float[] positive = new float[n * n];
        float[] excluded = new float[n * n];
        float[] anchorWeight = new float[n];
        int anchors = 0;
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                boolean bothOos = labels[i] == outOfScopeClass && labels[j] == outOfScopeClass;
                if (i == j || bothOos) {
                    excluded[i * n + j] = 1;
                } else if (labels[i] == labels[j]) {
                    positive[i * n + j] = 1;
                    count++;
                }
            }
            if (count > 0) {
                anchors++;
                for (int j = 0; j < n; j++) {
                    positive[i * n + j] /= count;
                }
                anchorWeight[i] = 1;
            }
        }
        if (anchors == 0) {
            return noPairs(pooled);
        }
        Shape square = new Shape(n, n);
        NDArray similarities = pooled.matMul(pooled.transpose());
        NDArray logits = similarities.div(Djl.constant(similarities, temperature))
                .sub(manager.create(excluded, square).mul(1e4f));
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray perAnchor = logProbabilities.mul(manager.create(positive, square)).sum(new int[] {1}).neg();
        NDArray total = perAnchor.mul(manager.create(anchorWeight)).sum();
        return total.div(Djl.constant(total, anchors));
    }

    /**
     * The cosine-similarity pair loss over all pairs of the batch.
     *
     * @param pooled unit vectors [rows, hidden]
     */
    static NDArray cosineSimilarity(NDManager manager, NDArray pooled, int[] labels, int outOfScopeClass) {
        int n = labels.length;
        float[] positive = new float[n * n];
        float[] negative = new float[n * n];
        int positives = 0;
        int negatives = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean bothOos = labels[i] == outOfScopeClass && labels[j] == outOfScopeClass;
                if (bothOos) {
                    continue;
                }
                if (labels[i] == labels[j]) {
                    positive[i * n + j] = 1;
                    positives++;
                } else {
                    negative[i * n + j] = 1;
                    negatives++;
                }
            }
        }
        NDArray cos = pooled.matMul(pooled.transpose());
        Shape square = new Shape(n, n);
        NDArray loss = noPairs(pooled);
        double weightPositive = positives == 0 ? 0 : (negatives == 0 ? 1.0 : 0.5) / positives;
        double weightNegative = negatives == 0 ? 0 : (positives == 0 ? 1.0 : 0.5) / negatives;
        if (positives > 0) {
            NDArray positiveLoss = cos.sub(1f).square().mul(manager.create(positive, square)).sum();
            loss = loss.add(positiveLoss.mul(Djl.constant(positiveLoss, weightPositive)));
        }
        if (negatives > 0) {
            NDArray negativeLoss = cos.square().mul(manager.create(negative, square)).sum();
            loss = loss.add(negativeLoss.mul(Djl.constant(negativeLoss, weightNegative)));
        }
        return loss;
    }

    /**
     * Zero, but computed from the batch: a batch without a pair to learn from (only out-of-scope texts, or one text of
     * each intent, as the last groups of an uneven workspace make) still has a gradient — zero — to step with, where
     * a constant zero would make the backward pass fail.
     */
    private static NDArray noPairs(NDArray pooled) {
        NDArray sum = pooled.sum();
        return sum.mul(Djl.constant(sum, 0));
    }
}
