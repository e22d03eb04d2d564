package dev.loopwise.model.encoder;

import dev.loopwise.common.config.OneOf;
import dev.loopwise.common.config.SettingRange;
import dev.loopwise.model.transformer.Pooling;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Settings of the encoders (environment: {@code LOOPWISE_MODEL_ENCODER_NAME}, ...). */
@ConfigMapping(prefix = "loopwise.model.encoder")
public interface EncoderConfig {
    /**
     * The workspace's encoder, {@code NAME|DIR}: a name from {@link EncoderCatalogue} or a folder with model.onnx
     * and tokenizer.json. New versions are trained on it; every version keeps being served by its own.
     */
    @WithDefault(EncoderCatalogue.DEFAULT_NAME)
    String name();

    /** The older way to name a folder encoder; when set it wins over {@link #name()}. */
    Optional<Path> path();

    /** Pool this way instead of as the encoder was trained ({@code mean} or {@code cls}); for experiments. */
    @WithConverter(PoolingWord.class)
    Optional<String> pooling();

    /**
     * Encoders kept loaded at once (the workspace's, the active version's, a candidate's under review);
     * the least recently used idle one is closed beyond this. Each fp32 encoder holds 100–200 MB.
     */
    @WithDefault("2")
    @WithConverter(SettingRange.Count.class)
    int maxLoaded();

    /**
     * Days the stored vectors of an encoder no version needs any more are kept (a retired or rejected version's, or a
     * former workspace encoder's, counted from that version's creation); then they are deleted, and computed again
     * should that version serve once more. 0 keeps every vector.
     */
    @WithDefault("30")
    @WithConverter(SettingRange.Days.class)
    int unusedVectorDays();

    /** Where catalogue encoders are unpacked. */
    @WithDefault("${user.home}/.loopwise/encoder")
    Path cacheDir();

    /** Longer texts are truncated to this many tokens (at most the encoder's own limit). Part of the encoder id when not 128. */
    @WithDefault("128")
    @WithConverter(SettingRange.Count.class)
    int maxTokens();

    /**
     * Texts per ONNX call. A larger batch (concurrent requests, a training set) is sorted by length and
     * split into calls of this size, so a long text pads only its few neighbours, not the whole batch.
     */
    @WithDefault("8")
    @WithConverter(SettingRange.Count.class)
    int batchSize();

    /**
     * Longest each background ONNX call (vectors for training, rounds, review items, drift, knowledge imports and exports)
     * waits, in milliseconds, for the served batches in progress (encoding, decision, log row) to finish; serving shares
     * the same cores. 0: never wait. Keep it small: under constant traffic background work moves one call per wait.
     */
    @WithDefault("100")
    @WithConverter(SettingRange.Millis.class)
    int backgroundWaitMs();

    /** ONNX Runtime threads; 0 lets it use every core. */
    @WithDefault("0")
    @WithConverter(SettingRange.CountOrZero.class)
    int threads();

    /** The words {@link #pooling()} takes. */
    final class PoolingWord extends OneOf {
        public PoolingWord() {
            super(Arrays.stream(Pooling.values()).map(Pooling::key).toArray(String[]::new));
        }
    }
}
