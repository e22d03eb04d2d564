package dev.loopwise.model;

/**
 * Which encoder a model version reads vectors from: its id (weights, pooling, ...) and the name or folder
 * it was loaded from, so it can be loaded again. The source is null only for versions stored before
 * sources were recorded whose encoder was not from the catalogue.
 */
public record EncoderRef(String id, String source) {
    public EncoderRef {
        id = EncoderSpec.normalise(id);
    }

    public static EncoderRef of(EncoderSpec spec) {
        return new EncoderRef(spec.id(), spec.source());
    }
}
