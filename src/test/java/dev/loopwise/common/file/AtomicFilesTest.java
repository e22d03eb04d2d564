package dev.loopwise.common.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
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
    void aFolderThatTakesNoNewFileIsNamedWithTheTargetNotThePartFile() {
        // /proc takes no new file, not even from root, whom no permission stops.
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc) && !Files.exists(proc.resolve("scores.csv")), "a Linux /proc");
        FileSystemException refused = assertThrows(FileSystemException.class,
                () -> AtomicFiles.writeLines(proc.resolve("scores.csv"), List.of("split,gold")));
        assertEquals("/proc/scores.csv: cannot be written: no new file can be made in /proc (the file system refused it); give a"
                + " folder you can write in", refused.getMessage());
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

    @Test
    void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions() throws Exception {
        Path fresh = dir.resolve("scores.csv");
        AtomicFiles.writeLines(fresh, List.of("split,gold"));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(fresh));

        Path guarded = dir.resolve("private.csv");
        Files.writeString(guarded, "old\n");
        Files.setPosixFilePermissions(guarded, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeLines(guarded, List.of("new"));
        assertEquals(PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(guarded));
    }

    @Test
    void aLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("run-7")).resolve("scores.csv");
        Files.writeString(real, "old\n");
        Path latest = Files.createSymbolicLink(dir.resolve("latest.csv"), real);
        AtomicFiles.writeLines(latest, List.of("new"));
        assertTrue(Files.isSymbolicLink(latest));
        assertEquals("new\n", Files.readString(real));
    }

    @Test
    void aPartFileLeftByAKilledRunIsRemovedByTheNextWriteOfItsTarget() throws Exception {
        Path file = dir.resolve("scores.csv");
        Path leftover = untouchedForHours(Files.writeString(dir.resolve("scores.csv.8812034412.part"), "split,gold\nvalid"));
        // Unheld but written a moment ago: a writer that takes no lock (an older version) may still be at it.
        Path recent = Files.writeString(dir.resolve("scores.csv.5501.part"), "split,gold\n");
        Path otherTarget = untouchedForHours(Files.writeString(dir.resolve("vectors.f32.77.part"), "x"));
        Path notAPart = untouchedForHours(Files.writeString(dir.resolve("scores.csv.backup.part"), "kept by hand"));
        AtomicFiles.writeLines(dir.resolve(".").resolve("scores.csv"), List.of("split,gold"));
        assertFalse(Files.exists(leftover));
        assertEquals(List.of(file, recent, notAPart, otherTarget), files());
    }

    private static Path untouchedForHours(Path part) throws IOException {
        return Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(AtomicFiles.LEFT_BEHIND_AFTER).minusSeconds(60)));
    }

    @Test
    void aPartFileAnotherWriterInThisProcessHoldsIsLeftAlone() throws Exception {
        Path file = dir.resolve("head.txt");
        AtomicFiles.writeLines(file, List.of("old"));
        AtomicFiles.writeText(file, out -> {
            out.write("outer\n");
            out.flush();
            // A second write of the same target while this one is under way must not take this one's part file for a leftover.
            AtomicFiles.writeLines(file, List.of("inner"));
        });
        assertEquals("outer\n", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void aPartFileAnotherProcessHoldsIsLeftAloneAndRemovedOnceThatProcessIsGone() throws Exception {
        Path file = dir.resolve("model.onnx");
        Path held = untouchedForHours(Files.writeString(dir.resolve("model.onnx.4242.part"), "half an encoder"));
        Path program = Files.writeString(dir.resolve("Hold.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE); var lock = channel.lock()) {
                            System.out.println("locked");
                            System.in.read();
                        }
                    }
                }
                """);
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), program.toString(),
                held.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            // A stuck child fails the test instead of hanging the build.
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                String line;
                while ((line = said.readLine()) != null && !line.equals("locked")) {
                    // the JVM's own notices, if any, come first
                }
                assertEquals("locked", line);
            });
            AtomicFiles.writeLines(file, List.of("whole"));
            assertTrue(Files.exists(held), "a live writer's part file was removed");
        } finally {
            writer.destroyForcibly();
            writer.waitFor();
        }
        AtomicFiles.writeLines(file, List.of("again"));
        assertFalse(Files.exists(held));
        assertEquals("again\n", Files.readString(file));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.sorted().toList();
        }
    }
}
