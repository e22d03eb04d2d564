package dev.loopwise.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Scores many tickets against the whole reply library at once on DJL's PyTorch engine, as two matrix
 * products: s(x, a) = v·relu(Wq·x + Wr·a + Wi·(x⊙a) + b) + c, where Wi·(x⊙a) = (Wi·diag(a))·x for every a.
 * What a per-ticket loop does in seconds for thousands of tickets, this does in a fraction.
 */
public final class BatchScorer {
    private static final int CHUNK = 1024;

    private BatchScorer() {
    }

    /** scores[t][a] = s(tickets[t], replies[a]) under the given scorer. */
    public static float[][] scores(ReplyPolicy scorer, float[][] tickets, float[][] replies) {
        Djl.configure();
        int n = replies.length;
        int h = scorer.hidden();
        int d = replies[0].length;
        // Per reply: the constant part Wr·a + b [N, H], and Wi·diag(a) laid out as [d, N·H].
        float[] constant = new float[n * h];
        float[] interaction = new float[d * n * h];
        float[] query = new float[d * h];
        for (int k = 0; k < h; k++) {
            for (int j = 0; j < d; j++) {
                query[j * h + k] = scorer.queryWeights()[k][j];
            }
        }
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < h; k++) {
                constant[a * h + k] = (float) (Vectors.dot(scorer.replyWeights()[k], replies[a]) + scorer.hiddenBias()[k]);
                for (int j = 0; j < d; j++) {
                    interaction[j * n * h + a * h + k] = scorer.interactionWeights()[k][j] * replies[a][j];
                }
            }
        }
        float[][] out = new float[tickets.length][];
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Djl.PYTORCH)) {
            NDArray wq = manager.create(query, new Shape(d, h));
            NDArray wi = manager.create(interaction, new Shape(d, (long) n * h));
            NDArray c = manager.create(constant, new Shape(1, n, h));
            NDArray v = manager.create(scorer.outWeights(), new Shape(h, 1));
            for (int start = 0; start < tickets.length; start += CHUNK) {
                int end = Math.min(tickets.length, start + CHUNK);
                try (NDManager chunk = manager.newSubManager()) {
                    NDArray x = chunk.create(Vectors.flatten(java.util.Arrays.copyOfRange(tickets, start, end)), new Shape(end - start, d));
                    NDArray hidden = x.matMul(wi).reshape(end - start, n, h).add(x.matMul(wq).expandDims(1)).add(c);
                    float[] s = hidden.maximum(0f).matMul(v).squeeze(-1).add(scorer.outBias()).toFloatArray();
                    for (int t = start; t < end; t++) {
                        out[t] = java.util.Arrays.copyOfRange(s, (t - start) * n, (t - start + 1) * n);
                    }
                }
            }
        }
        return out;
    }
}
