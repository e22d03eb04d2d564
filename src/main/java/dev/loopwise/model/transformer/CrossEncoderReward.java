package dev.loopwise.model.transformer;

import java.util.List;
import java.util.OptionalInt;

/**
 * A trained cross-encoder reward model: r(x, a) = b + w·(s·u(x, a)), where u is the tuned encoder's pooled unit
 * vector of the joint input {@code [CLS] x [SEP] a [SEP]} ({@link PairTokens}) and s = √hidden. Why the fixed
 * scale s: a unit vector's coordinates are about 1/√hidden, so without it the head would need weights √hidden
 * times larger — hundreds of Adam steps — before rewards could differ by the few units a confident
 * preference needs.
 *
 * @param weights the tuned top layers, laid over the base encoder they name
 * @param head    w, one weight per hidden unit
 */
public record CrossEncoderReward(TunedEncoderWeights weights, float[] head, float bias, float scale, int maxTokens) {
    private static final int BATCH = 32;

    public CrossEncoderReward {
        head = head.clone();
    }

    static float scaleFor(BertConfig config) {
        return (float) Math.sqrt(config.hidden());
    }

    /** Loads the tuned encoder (PyTorch, no gradients); close the scorer to free its native memory. */
    public Scorer open(EncoderSource source) {
        if (!source.id().equals(weights.baseEncoderId())) {
            throw new IllegalArgumentException("This reward model was tuned from " + weights.baseEncoderId() + ", not "
                    + source.id());
        }
        BertEncoder encoder = BertEncoder.load(source.id(), source.onnx(), new BertEncoder.Options(source.pooling(), 0,
                maxTokens, 0f, OptionalInt.empty()), weights);
        return new Scorer(source, encoder);
    }

    /** r(x, a) of a unit vector u(x, a). */
    double reward(float[] unit) {
        double sum = bias;
        for (int d = 0; d < head.length; d++) {
            sum += (double) head[d] * scale * unit[d];
        }
        return sum;
    }

    /** Scores ticket–reply pairs with the loaded encoder. Not thread-safe. */
    public final class Scorer implements AutoCloseable {
        private final EncoderSource source;
        private final BertEncoder encoder;

        private Scorer(EncoderSource source, BertEncoder encoder) {
            this.source = source;
            this.encoder = encoder;
        }

        /** r(tickets[i], replies[i]) for every i. */
        public double[] score(List<String> tickets, List<String> replies) {
            TokenizedTexts texts = PairTokens.tokenize(source.tokenizer(), maxTokens, tickets, replies);
            double[] out = new double[texts.size()];
            int[] rows = java.util.stream.IntStream.range(0, texts.size()).toArray();
            for (int[] batch : texts.sortedBatches(rows, BATCH)) {
                float[][] units = encoder.embed(texts.batch(batch));
                for (int r = 0; r < batch.length; r++) {
                    out[batch[r]] = reward(units[r]);
                }
            }
            return out;
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
