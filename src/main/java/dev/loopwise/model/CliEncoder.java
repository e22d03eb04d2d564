package dev.loopwise.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The encoder as command-line tools use it: the bundled (or a given) encoder with a file cache of
 * vectors, so that running a tool again encodes nothing twice; progress goes to stderr.
 */
public final class CliEncoder implements AutoCloseable {
    private final SentenceEncoder encoder;
    private final FileEmbeddingCache cache;
    private final Progress progress = new Progress(true);

    private CliEncoder(SentenceEncoder encoder, boolean cached) {
        this.encoder = encoder;
        this.cache = cached ? new FileEmbeddingCache(EncoderSettings.cacheDirectory(), encoder.id()) : null;
    }

    /** @param directory a folder with model.onnx and tokenizer.json, or null for the bundled all-MiniLM-L6-v2 */
    public static CliEncoder open(Path directory) {
        return open(directory, true);
    }

    public static CliEncoder open(Path directory, boolean cached) {
        return open(directory, cached, 32);
    }

    /** @param callSize texts per ONNX call (a longer list is sorted by length and split into calls of this size) */
    public static CliEncoder open(Path directory, boolean cached, int callSize) {
        return new CliEncoder(new SentenceEncoder(EncoderFiles.resolve(Optional.ofNullable(directory), EncoderSettings.cacheDirectory()),
                128, callSize, 0), cached);
    }

    public String id() {
        return encoder.id();
    }

    public float[][] embed(List<String> texts) {
        return cache == null ? progress.encode(encoder, texts) : cache.embed(encoder, texts, progress);
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
