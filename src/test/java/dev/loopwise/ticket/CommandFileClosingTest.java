package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file a command refuses on its first bytes is closed as one it reads to the end: a long run does not run out of files. */
class CommandFileClosingTest {
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    @TempDir
    Path dir;

    @Test
    void aRefusedFileIsClosed() throws IOException {
        assumeTrue(Files.isDirectory(OPEN_FILES), "open files are listed in /proc on Linux only");
        Path binary = Files.write(dir.resolve("tickets.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        Path twice = dir.resolve("tickets.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(twice))) {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0}); // compressed again inside
        }
        Path good = Files.writeString(dir.resolve("tickets.csv"), "text\nwhere is my parcel\n");
        for (Path file : List.of(binary, twice, good)) {
            for (int i = 0; i < 3; i++) {
                if (file == good) {
                    assertEquals(1, CliFiles.tickets(file).size());
                } else {
                    assertThrows(IllegalArgumentException.class, () -> CliFiles.tickets(file));
                }
            }
            assertEquals(0, openedOn(file), file + " is still open after its read");
        }
    }

    private static long openedOn(Path file) throws IOException {
        try (Stream<Path> open = Files.list(OPEN_FILES)) {
            return open.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file.toAbsolutePath());
                } catch (IOException e) {
                    return false; // closed while listed
                }
            }).count();
        }
    }
}
