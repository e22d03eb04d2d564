package dev.loopwise.model.encoder;

import dev.loopwise.model.Progress;
import dev.loopwise.model.transformer.Pooling;
import java.util.List;
import java.util.Optional;

/**
 * An encoder as command-line tools use it: any encoder by {@code NAME|DIR} with a file cache of vectors
 * (keyed by the encoder's id), so that running a tool again encodes nothing twice; progress goes to stderr.
 */
public final class CliEncoder implements AutoCloseable {
    private final SentenceEncoder encoder;
    private final FileEmbeddingCache cache;
    private final Progress progress = new Progress(true);
    private long encodedTexts;
    private long encodingNanos;

    private CliEncoder(SentenceEncoder encoder, boolean cached) {
        this.encoder = encoder;
        this.cache = cached ? new FileEmbeddingCache(EncoderSettings.cacheDirectory(), encoder.id()) : null;
    }

    /**
     * @param nameOrDirectory a catalogue name or a folder with model.onnx and tokenizer.json; null for the workspace's encoder
     * @param pooling         overrides the encoder's own pooling when present
     * @param callSize        texts per ONNX call (a longer list is sorted by length and split into calls of this size)
     */
    public static CliEncoder open(String nameOrDirectory, Optional<Pooling> pooling, boolean cached, int callSize) {
        EncoderSpec spec = EncoderSpec.resolve(nameOrDirectory == null ? EncoderSettings.workspaceEncoder() : nameOrDirectory, pooling,
                EncoderSettings.maxTokens(), EncoderSettings.cacheDirectory());
        System.err.println("Encoder: " + spec.describe());
        return new CliEncoder(new SentenceEncoder(spec, callSize, 0), cached);
    }

    public String id() {
        return encoder.id();
    }

    public EncoderSpec spec() {
        return encoder.spec();
    }

    public float[][] embed(List<String> texts) {
        return cache == null ? progress.encode(this::timed, texts) : cache.embed(encoder.id(), this::timed, texts, progress);
    }

    /** Texts per second over the texts the encoder really ran on (cache hits excluded); null if it ran on none. */
    public Double textsPerSecond() {
        return encodedTexts == 0 ? null : encodedTexts / (encodingNanos / 1e9);
    }

    /** How many texts the encoder really ran on: one found in the cache is not encoded again (with the cache, neither is a repeat). */
    public long encodedTexts() {
        return encodedTexts;
    }

    private float[][] timed(List<String> texts) {
        long start = System.nanoTime();
        float[][] vectors = encoder.encode(texts);
        encodingNanos += System.nanoTime() - start;
        encodedTexts += texts.size();
        return vectors;
    }

    /** The encoder itself, for measuring it. */
    public SentenceEncoder encoder() {
        return encoder;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
