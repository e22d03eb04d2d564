package dev.loopwise.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.model.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's vector cache answers an encoder only with vectors that encoder made. */
class FileEmbeddingCacheTest {
    static final String A = "all-MiniLM-L6-v2@0123456789ab/mean";
    static final String B = "all-MiniLM-L6-v2@0123456789ab/cls";

    /** A stand-in encoder whose vectors say which encoder made them, counting the texts it is asked for. */
    static Function<List<String>, float[][]> encoder(float mark, List<String> asked) {
        return texts -> {
            asked.addAll(texts);
            return texts.stream().map(t -> new float[] {mark, t.length()}).toArray(float[][]::new);
        };
    }

    @Test
    void twoEncodersSharingAFolderNeverSeeEachOthersVectors(@TempDir Path dir) {
        List<String> askedA = new ArrayList<>();
        List<String> askedB = new ArrayList<>();
        new FileEmbeddingCache(dir, A).embed(A, encoder(1, askedA), List.of("one", "two"), new Progress(true));
        float[][] b = new FileEmbeddingCache(dir, B).embed(B, encoder(2, askedB), List.of("one", "two"), new Progress(true));
        assertEquals(List.of("one", "two"), askedB, "B encodes for itself");
        assertArrayEquals(new float[] {2, 3}, b[0]);

        askedA.clear();
        float[][] again = new FileEmbeddingCache(dir, A).embed(A, encoder(1, askedA), List.of("two", "one"), new Progress(true));
        assertEquals(List.of(), askedA, "A's own vectors come back from its file");
        assertArrayEquals(new float[] {1, 3}, again[0]);
    }

    @Test
    void aFileOfAnotherEncoderIsNeverRead(@TempDir Path dir) throws Exception {
        new FileEmbeddingCache(dir, A).embed(A, encoder(1, new ArrayList<>()), List.of("one"), new Progress(true));
        Path fileOfA;
        try (Stream<Path> files = Files.list(dir)) {
            fileOfA = files.findFirst().orElseThrow();
        }
        // Put A's file where B's cache looks, as a rename or a clash of sanitised names would.
        FileEmbeddingCache probe = new FileEmbeddingCache(dir.resolve("b"), B);
        probe.embed(B, encoder(2, new ArrayList<>()), List.of("seed"), new Progress(true));
        Path fileOfB;
        try (Stream<Path> files = Files.list(dir.resolve("b"))) {
            fileOfB = files.findFirst().orElseThrow();
        }
        Files.copy(fileOfA, fileOfB, StandardCopyOption.REPLACE_EXISTING);

        List<String> asked = new ArrayList<>();
        float[][] b = new FileEmbeddingCache(dir.resolve("b"), B).embed(B, encoder(2, asked), List.of("one"), new Progress(true));
        assertEquals(List.of("one"), asked);
        assertArrayEquals(new float[] {2, 3}, b[0], "B's vector, not A's from the misplaced file");
    }

    @Test
    void aCacheRefusesAnotherEncoderAndSurvivesAnInterruptedWrite(@TempDir Path dir) throws Exception {
        FileEmbeddingCache cache = new FileEmbeddingCache(dir, A);
        assertThrows(IllegalArgumentException.class, () -> cache.embed(B, encoder(2, new ArrayList<>()), List.of("x"), new Progress(true)));
        cache.embed(A, encoder(1, new ArrayList<>()), List.of("one", "two"), new Progress(true));
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 3)); // the last entry cut short

        List<String> asked = new ArrayList<>();
        FileEmbeddingCache reopened = new FileEmbeddingCache(dir, A);
        reopened.embed(A, encoder(1, asked), List.of("one", "two", "three"), new Progress(true));
        assertEquals(List.of("two", "three"), asked, "only the cut entry and the new text are encoded");
        asked.clear();
        float[][] all = new FileEmbeddingCache(dir, A).embed(A, encoder(1, asked), List.of("one", "two", "three"), new Progress(true));
        assertEquals(List.of(), asked, "entries appended after the cut are read back intact");
        assertArrayEquals(new float[] {1, 5}, all[2]);
    }
}
