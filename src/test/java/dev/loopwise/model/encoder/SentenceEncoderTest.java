package dev.loopwise.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.transformer.Pooling;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled pre-trained encoder loads offline and places paraphrases near each other. */
class SentenceEncoderTest {
    static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new SentenceEncoder(EncoderSpec.resolve("all-MiniLM-L6-v2", Optional.empty(), 128, Path.of("target/encoder-cache")), 32, 0);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void vectorsHaveUnitLengthAndTheEncodersDimension() {
        float[][] vectors = encoder.encode(List.of("Where is my parcel?", "x"));
        assertEquals(384, encoder.dimension());
        for (float[] v : vectors) {
            assertEquals(1.0, dot(v, v), 1e-4);
        }
        assertTrue(encoder.id().startsWith("all-MiniLM-L6-v2@"), encoder.id());
    }

    @Test
    void backgroundWorkGetsAWordBeforeEachOnnxCall() {
        List<String> texts = IntStream.range(0, 70).mapToObj(i -> "ticket number " + i + " about my order").toList();
        int[] calls = {0};
        encoder.encode(texts, () -> calls[0]++);
        assertEquals(3, calls[0], "70 texts in calls of 32");
    }

    @Test
    void clsPoolingIsTheFirstTokensVectorAtUnitLength() {
        float[] hidden = {3, 4, 100, 100, 0, 2, 9, 9}; // two rows of two tokens of dimension 2
        long[] mask = {1, 1, 1, 0};
        float[][] cls = Pooling.CLS.pool(hidden, mask, 2, 2);
        assertEquals(0.6f, cls[0][0], 1e-6);
        assertEquals(0.8f, cls[0][1], 1e-6);
        assertEquals(1f, cls[1][1], 1e-6);
        float[][] mean = Pooling.MEAN.pool(hidden, mask, 2, 2);
        assertEquals(0f, mean[1][0], 1e-6, "mean pooling skips the padding");
    }

    @Test
    void bgeIsClsPooledAndPlacesParaphrasesNearEachOther() {
        try (SentenceEncoder bge = new SentenceEncoder(EncoderSpec.resolve("bge-small-en-v1.5", Optional.empty(), 128,
                Path.of("target/encoder-cache")), 32, 0)) {
            assertTrue(bge.id().startsWith("bge-small-en-v1.5@") && bge.id().endsWith("/cls"), bge.id());
            float[][] v = bge.encode(List.of("Where is my order? It has not arrived yet.",
                    "My package still hasn't been delivered, can you track it?", "I want to change the password of my account."));
            assertEquals(384, v[0].length);
            assertEquals(1.0, dot(v[0], v[0]), 1e-4);
            assertTrue(dot(v[0], v[1]) > dot(v[0], v[2]) + 0.1, "paraphrase " + dot(v[0], v[1]) + " unrelated " + dot(v[0], v[2]));
        }
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedRequests() {
        float[][] v = encoder.encode(List.of(
                "Where is my order? It has not arrived yet.",
                "My package still hasn't been delivered, can you track it?",
                "I want to change the password of my account."));
        assertTrue(dot(v[0], v[1]) > dot(v[0], v[2]) + 0.2, "paraphrase " + dot(v[0], v[1]) + " unrelated " + dot(v[0], v[2]));
    }

    @Test
    void batchingAndOrderDoNotChangeAVector() {
        float[] alone = encoder.encode(List.of("refund for a broken lamp"))[0];
        float[][] mixed = encoder.encode(List.of("a much longer request about a refund for the lamp that arrived broken yesterday",
                "refund for a broken lamp", "hi"));
        assertEquals(1.0, dot(alone, mixed[1]), 1e-5);
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
