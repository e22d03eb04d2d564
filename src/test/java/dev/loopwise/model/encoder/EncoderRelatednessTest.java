package dev.loopwise.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each catalogue encoder carries the similarity cut measured for it; any other encoder gets MiniLM's. */
class EncoderRelatednessTest {
    @Test
    void theCutFollowsTheEncoderAndItsInt8Version() {
        assertEquals(0.65, EncoderCatalogue.relatedFrom("bge-small-en-v1.5"));
        assertEquals(0.65, EncoderCatalogue.relatedFrom("BGE-small-en-v1.5-q"), "names ignore case; int8 keeps its model's cut");
        assertEquals(0.30, EncoderCatalogue.relatedFrom("all-MiniLM-L6-v2"));
        assertEquals(EncoderCatalogue.UNMEASURED_RELATED_FROM, EncoderCatalogue.relatedFrom("/models/our-own-encoder"));
        assertEquals(EncoderCatalogue.UNMEASURED_RELATED_FROM, EncoderCatalogue.relatedFrom(null), "a version stored without a source");
    }
}
