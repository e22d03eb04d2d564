package dev.loopwise.model.encoder;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.model.transformer.bert.BertWeightMap;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.onnx.OnnxEncoderSession;
import dev.loopwise.model.transformer.onnx.OnnxGraph;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * A sentence encoder E(text) ∈ R^d: a BERT-family ONNX model run by ONNX Runtime — the base file as
 * shipped, or with a fine-tune's tuned layers laid over its initializers — DJL's HuggingFace tokenizer,
 * pooled as the model was trained (mean over real tokens, or [CLS]), L2 normalisation. Texts are sorted by
 * length before batching so a batch pads little. Thread-safe.
 */
public final class SentenceEncoder implements AutoCloseable {
    private final OnnxEncoderSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final EncoderSpec spec;
    private final String id;
    private final int batchSize;
    private final int dimension;

    /** The base encoder. */
    public SentenceEncoder(EncoderSpec spec, int batchSize, int threads) {
        this(spec, null, batchSize, threads);
    }

    /** @param tuned tuned layers of {@code spec}'s encoder, or null for the base weights */
    public SentenceEncoder(EncoderSpec spec, TunedEncoderWeights tuned, int batchSize, int threads) {
        this.spec = spec;
        this.batchSize = batchSize;
        this.id = tuned == null ? spec.id() : EncoderRef.tuned(EncoderRef.of(spec), TunedEncoderWeights.sha256(tuned.toBytes())).id();
        this.session = new OnnxEncoderSession(spec.files().model(), overrides(spec, tuned), threads);
        this.tokenizer = TokenBatch.tokenizer(spec.files().tokenizer(), spec.maxTokens());
        this.dimension = encodeBatch(List.of("dimension probe"))[0].length;
    }

    private static Map<String, FloatTensor> overrides(EncoderSpec spec, TunedEncoderWeights tuned) {
        if (tuned == null) {
            return Map.of();
        }
        tuned.checkedAgainst(spec.id(), BertEncoder.readConfig(spec.files().model(), OptionalInt.empty()));
        return tuned.onnxInitializers(BertWeightMap.resolve(OnnxGraph.read(spec.files().model())));
    }

    /** Identifies the weights, so cached embeddings of another encoder (or another fine-tune) are never mixed in. */
    public String id() {
        return id;
    }

    public EncoderSpec spec() {
        return spec;
    }

    public int dimension() {
        return dimension;
    }

    /** Embeds every text (same order as given); each vector has unit length. */
    public float[][] encode(List<String> texts) {
        return encode(texts, () -> { });
    }

    /** As {@link #encode(List)}, running {@code beforeEachCall} before each ONNX call (background work gives way there). */
    public float[][] encode(List<String> texts, Runnable beforeEachCall) {
        float[][] result = new float[texts.size()][];
        List<Integer> order = IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> texts.get(i).length())).toList();
        for (int start = 0; start < order.size(); start += batchSize) {
            List<Integer> batch = order.subList(start, Math.min(order.size(), start + batchSize));
            beforeEachCall.run();
            float[][] vectors = encodeBatch(batch.stream().map(texts::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                result[batch.get(i)] = vectors[i];
            }
        }
        return result;
    }

    private float[][] encodeBatch(List<String> texts) {
        List<String> inputs = spec.prefix().isEmpty() ? texts : texts.stream().map(t -> spec.prefix() + t).toList();
        return session.embed(TokenBatch.encode(tokenizer, inputs), spec.pooling());
    }

    @Override
    public void close() {
        tokenizer.close();
        session.close();
    }
}
