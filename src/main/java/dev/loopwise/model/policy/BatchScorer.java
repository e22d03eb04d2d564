package dev.loopwise.model.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.loopwise.model.Djl;
import dev.loopwise.model.Vectors;
import java.util.Arrays;

/**
 * Scores many tickets against the whole reply library at once on DJL's PyTorch engine, as two matrix
 * products: s(x, a) = v·relu(Wq·x + Wr·a + Wi·(x⊙a) + b) + c, where Wi·(x⊙a) = (Wi·diag(a))·x for every a.
 * What a per-ticket loop does in seconds for thousands of tickets, this does in a fraction.
 */
public final class BatchScorer {
    private static final int CHUNK = 1024;

    /**
     * A scorer and a library, laid out once for the matrix products. Its weight arrays live in PyTorch's memory
     * until {@link #close()}: copying them in on every call left megabytes of direct buffers per call that only
     * a garbage collection frees, and a small, rarely collected heap let them pile up to gigabytes under load.
     */
    public static final class Prepared implements AutoCloseable {
        final int replies;
        final int hidden;
        final int dimension;
        final float[] query;
        final float[] interaction;
        final float[] constant;
        final float[] out;
        final float outBias;

        Prepared(ReplyPolicy scorer, float[][] library) {
            replies = library.length;
            hidden = scorer.hidden();
            dimension = library[0].length;
            query = new float[dimension * hidden];
            interaction = new float[dimension * replies * hidden];
            constant = new float[replies * hidden];
            for (int k = 0; k < hidden; k++) {
                for (int j = 0; j < dimension; j++) {
                    query[j * hidden + k] = scorer.queryWeights()[k][j];
                }
            }
            for (int a = 0; a < replies; a++) {
                for (int k = 0; k < hidden; k++) {
                    constant[a * hidden + k] = (float) (Vectors.dot(scorer.replyWeights()[k], library[a]) + scorer.hiddenBias()[k]);
                    for (int j = 0; j < dimension; j++) {
                        interaction[j * replies * hidden + a * hidden + k] = scorer.interactionWeights()[k][j] * library[a][j];
                    }
                }
            }
            out = scorer.outWeights();
            outBias = scorer.outBias();
        }

        private NDManager weights;
        private NDArray wq;
        private NDArray wi;
        private NDArray c;
        private NDArray v;
        private boolean retained;
        private boolean closed;

        /**
         * Keeps the weights in PyTorch's memory between calls until {@link #close()}: for the model that serves,
         * whose owner closes it when another replaces it. Without this, each call copies them in and frees them.
         */
        public synchronized Prepared retainWeights() {
            retained = !closed;
            return this;
        }

        /** scores[t][a] = s(tickets[t], library[a]). */
        public synchronized float[][] scores(float[][] tickets) {
            Djl.configure();
            boolean keep = retained && !closed;
            if (weights == null || !keep) {
                load();
            }
            try {
                return compute(tickets);
            } finally {
                if (!keep) {
                    releaseWeights();
                }
            }
        }

        private void load() {
            weights = NDManager.newBaseManager(ai.djl.Device.cpu(), Djl.PYTORCH);
            wq = weights.create(query, new Shape(dimension, hidden));
            wi = weights.create(interaction, new Shape(dimension, (long) replies * hidden));
            c = weights.create(constant, new Shape(1, replies, hidden));
            v = weights.create(out, new Shape(hidden, 1));
        }

        private float[][] compute(float[][] tickets) {
            float[][] result = new float[tickets.length][];
            for (int start = 0; start < tickets.length; start += CHUNK) {
                int end = Math.min(tickets.length, start + CHUNK);
                try (NDManager chunk = weights.newSubManager()) {
                    NDArray x = chunk.create(Vectors.flatten(Arrays.copyOfRange(tickets, start, end)),
                            new Shape(end - start, dimension));
                    NDArray h = x.matMul(wi).reshape(end - start, replies, hidden).add(x.matMul(wq).expandDims(1)).add(c);
                    float[] s = h.maximum(0f).matMul(v).squeeze(-1).add(outBias).toFloatArray();
                    for (int t = start; t < end; t++) {
                        result[t] = Arrays.copyOfRange(s, (t - start) * replies, (t - start + 1) * replies);
                    }
                }
            }
            return result;
        }

        private void releaseWeights() {
            if (weights != null) {
                weights.close();
                weights = null;
            }
        }

        /** Frees the weights held in PyTorch's memory; a call already running finishes first; later calls still answer. */
        @Override
        public synchronized void close() {
            closed = true;
            releaseWeights();
        }
    }

    private BatchScorer() {
    }

    public static Prepared prepare(ReplyPolicy scorer, float[][] library) {
        return new Prepared(scorer, library);
    }

    /** scores[t][a] = s(tickets[t], replies[a]) under the given scorer. */
    public static float[][] scores(ReplyPolicy scorer, float[][] tickets, float[][] replies) {
        try (Prepared prepared = prepare(scorer, replies)) {
            return prepared.scores(tickets);
        }
    }
}
