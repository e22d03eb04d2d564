package dev.loopwise.common.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write cut short leaves the earlier file whole and nothing beside it; a finished one replaces it. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsMidwayLeavesTheEarlierFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, "split,gold\nvalidation,refund\n");
        IOException failed = assertThrows(IOException.class, () -> AtomicFiles.writeText(file, out -> {
            out.write("split,gold\n");
            out.write("x".repeat(100_000)); // more than any buffer holds, so part of it reached the disk
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failed.getMessage());
        assertEquals("split,gold\nvalidation,refund\n", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void anUncheckedFailureCleansUpToo() throws Exception {
        Path file = dir.resolve("head-weights.f32");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[70_000]);
            throw new IllegalStateException("stopped");
        }));
        assertFalse(Files.exists(file));
        assertEquals(List.of(), files());
    }

    @Test
    void aFinishedWriteReplacesTheFileWhole() throws Exception {
        Path file = dir.resolve("test.labels");
        Files.writeString(file, "old\nlonger than the new content\n");
        AtomicFiles.writeLines(file, List.of("refund", "oos"));
        assertEquals(List.of("refund", "oos"), Files.readAllLines(file, StandardCharsets.UTF_8));
        AtomicFiles.writeBytes(file, new byte[] {1, 2});
        assertEquals(2, Files.size(file));
        assertEquals(List.of(file), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.sorted().toList();
        }
    }
}
