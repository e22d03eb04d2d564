package dev.loopwise.model.transformer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a base encoder comes from: its id (recorded in tuned weights), its ONNX file and tokenizer, and the
 * pooling it was trained with.
 */
public record EncoderSource(String id, Path onnx, Path tokenizer, Pooling pooling) {
    public EncoderSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pooling, "pooling");
        if (!Files.isRegularFile(onnx)) {
            throw new IllegalArgumentException("No ONNX file at " + onnx);
        }
        if (!Files.isRegularFile(tokenizer)) {
            throw new IllegalArgumentException("No tokenizer file at " + tokenizer);
        }
    }

    /** The files and pooling of a resolved encoder (a catalogue name or a folder). */
    public static EncoderSource of(dev.loopwise.model.EncoderSpec spec) {
        return new EncoderSource(spec.id(), spec.files().model(), spec.files().tokenizer(),
                Pooling.valueOf(spec.pooling().name()));
    }
}
