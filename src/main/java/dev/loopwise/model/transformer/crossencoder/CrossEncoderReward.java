package dev.loopwise.model.transformer.crossencoder;

import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertConfig;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.model.transformer.bert.BertWeightMap;
import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import dev.loopwise.model.transformer.onnx.OnnxEncoderSession;
import dev.loopwise.model.transformer.onnx.OnnxGraph;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

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

    /**
     * Loads the tuned encoder for scoring: the base ONNX graph with the tuned layers laid over its initializers,
     * run by ONNX Runtime on every core (several times faster than PyTorch's single training thread, and the
     * same vectors). Close the scorer to free its native memory.
     */
    public Scorer open(EncoderSource source) {
        if (!source.id().equals(weights.baseEncoderId())) {
            throw new IllegalArgumentException("This reward model was tuned from " + weights.baseEncoderId() + ", not "
                    + source.id());
        }
        weights.checkedAgainst(source.id(), BertEncoder.readConfig(source.onnx(), OptionalInt.empty()));
        OnnxEncoderSession session = new OnnxEncoderSession(source.onnx(),
                weights.onnxInitializers(BertWeightMap.resolve(OnnxGraph.read(source.onnx()))), 0);
        return new Scorer(source, session);
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
        private final OnnxEncoderSession encoder;

        private Scorer(EncoderSource source, OnnxEncoderSession encoder) {
            this.source = source;
            this.encoder = encoder;
        }

        /** r(tickets[i], replies[i]) for every i. */
        public double[] score(List<String> tickets, List<String> replies) {
            TokenizedTexts texts = PairTokens.tokenize(source.tokenizer(), maxTokens, tickets, replies);
            double[] out = new double[texts.size()];
            int[] rows = IntStream.range(0, texts.size()).toArray();
            for (int[] batch : texts.sortedBatches(rows, BATCH)) {
                float[][] units = encoder.embed(texts.batch(batch), source.pooling());
                for (int r = 0; r < batch.length; r++) {
                    out[batch[r]] = reward(units[r]);
                }
            }
            return out;
        }

        /** r(tickets[i], first[i]) − r(tickets[i], second[i]) for every i. */
        public double[] deltas(List<String> tickets, List<String> first, List<String> second) {
            double[] a = score(tickets, first);
            double[] b = score(tickets, second);
            double[] out = new double[a.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i] - b[i];
            }
            return out;
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
