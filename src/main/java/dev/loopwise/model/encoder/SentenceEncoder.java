package dev.loopwise.model.encoder;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.common.FileMessages;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.model.transformer.bert.BertWeightMap;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.onnx.OnnxEncoderSession;
import dev.loopwise.model.transformer.onnx.OnnxGraph;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenCut;
import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final TokenCut cut;
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
        Path model = spec.files().model();
        Path tokenizerFile = spec.files().tokenizer();
        OnnxEncoderSession opened;
        try {
            opened = new OnnxEncoderSession(model, overrides(spec, tuned), threads);
        } catch (IllegalStateException e) {
            // Tuned layers that do not fit are that version's problem, said as it is; the base file alone failing is the file's.
            throw tuned != null ? e : unusable(model, "an ONNX model", e);
        }
        this.session = opened;
        try {
            this.tokenizer = TokenBatch.tokenizer(tokenizerFile, spec.maxTokens());
        } catch (RuntimeException e) {
            opened.close();
            // The tokenizer library's words ("EOF while parsing a value at line 1 column 0") name no file.
            throw unusable(tokenizerFile, "a Hugging Face tokenizer", e);
        }
        this.cut = TokenCut.of(tokenizerFile, spec.maxTokens());
        try {
            this.dimension = encodeBatch(List.of("dimension probe"))[0].length;
        } catch (RuntimeException e) {
            close();
            throw unusable(model, "a sentence encoder (inputs input_ids and attention_mask, hidden states out)", e);
        }
    }

    private static IllegalArgumentException unusable(Path file, String what, RuntimeException cause) {
        boolean empty;
        try {
            empty = Files.size(file) == 0;
        } catch (IOException e) {
            empty = false;
        }
        return new IllegalArgumentException(FileMessages.encoderFileUnusable(file, what, empty), cause);
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
        return session.embed(TokenBatch.encode(tokenizer, tokenizerInputs(texts)), spec.pooling());
    }

    /** What the tokenizer is handed: each text cut to what it keeps ({@link TokenCut}), after the encoder's prefix. */
    List<String> tokenizerInputs(List<String> texts) {
        return texts.stream().map(t -> spec.prefix() + cut.apply(t)).toList();
    }

    @Override
    public void close() {
        tokenizer.close();
        session.close();
    }
}
