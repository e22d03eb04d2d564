package dev.loopwise.model.encoder;

/**
 * Which encoder a model version reads vectors from: its id (weights, pooling, ...) and the name or folder
 * its base was loaded from, so it can be loaded again. The source is null only for versions stored before
 * sources were recorded whose encoder was not from the catalogue.
 *
 * <p>A fine-tuned encoder is its base plus tuned layers: its id is the base's id followed by
 * {@code +ft:} and the first 16 hex digits of the tuned layers' SHA-256, so its vectors are cached apart
 * from the base's and from every other fine-tune's.
 */
public record EncoderRef(String id, String source) {
    static final String TUNED = "+ft:";
    static final int TUNED_HASH_CHARS = 16;

    public EncoderRef {
        int tuned = id.indexOf(TUNED);
        id = tuned < 0 ? EncoderSpec.normalise(id) : EncoderSpec.normalise(id.substring(0, tuned)) + id.substring(tuned);
    }

    public static EncoderRef of(EncoderSpec spec) {
        return new EncoderRef(spec.id(), spec.source());
    }

    /** The base encoder with the tuned layers whose SHA-256 is {@code sha256}. */
    public static EncoderRef tuned(EncoderRef base, String sha256) {
        if (base.isTuned()) {
            throw new IllegalArgumentException("The encoder " + base.id() + " is already fine-tuned");
        }
        return new EncoderRef(base.id() + TUNED + sha256.substring(0, TUNED_HASH_CHARS), base.source());
    }

    public boolean isTuned() {
        return id.contains(TUNED);
    }

    /** The encoder this one was fine-tuned from (itself when it was not). */
    public EncoderRef base() {
        return isTuned() ? new EncoderRef(id.substring(0, id.indexOf(TUNED)), source) : this;
    }

    /** The first hex digits of the tuned layers' SHA-256; null for a base encoder. */
    public String tunedHash() {
        return isTuned() ? id.substring(id.indexOf(TUNED) + TUNED.length()) : null;
    }
}
