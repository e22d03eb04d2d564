package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.http.BodyLimit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code replay} refuses a file over the body limit a running Loopwise applies (LOOPWISE_MAX_BODY_SIZE), in the words the
 * upload pages use, before it reads the file whole or connects: the server would refuse it only once all of it arrived.
 */
class ReplayFileSizeTest {
    // Long tickets without a comma: a file of the limit is then one the server could replay (fewer than 20,000 tickets).
    private static final byte[] ROW = ("where is my order it was due on monday ".repeat(15) + "\n").getBytes(StandardCharsets.UTF_8);
    private final long limit = BodyLimit.bytes(System.getenv(BodyLimit.VARIABLE));
    private Path folder;

    @BeforeEach
    void makeFolder() throws IOException {
        folder = Files.createTempDirectory("replay-size");
    }

    @AfterEach
    void removeFolder() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Test
    void aFileOverTheLimitIsRefusedInTheUploadPagesWordsAndNothingIsSent() throws IOException {
        Path over = folder.resolve("traffic.csv");
        try (OutputStream out = Files.newOutputStream(over)) {
            write(out, limit + 1);
        }
        // Nothing listens on port 1: had the file been sent, the command would say no Loopwise answered.
        CommandLineErrorsTest.Printed refused = replay(over);
        assertEquals(2, refused.exit(), refused.err());
        String size = BodyLimit.size(limit);
        assertEquals("loopwise: " + over + ": This file is larger than " + size + ", the most Loopwise accepts at once: split it into"
                + " parts under " + size + " and import them one after another. Nothing was sent. (If the Loopwise it goes to takes"
                + " more, set LOOPWISE_MAX_BODY_SIZE for this command as it is set there.)", refused.err().strip());
    }

    @Test
    void aGzipFileIsMeasuredByWhatItHolds() throws IOException {
        Path packed = folder.resolve("traffic.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(packed))) {
            write(out, limit + 1);
        }
        assertTrue(Files.size(packed) < limit / 10, "the packed file itself is small");
        CommandLineErrorsTest.Printed refused = replay(packed);
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains(packed + ": This file is larger than " + BodyLimit.size(limit)), refused.err());
    }

    @Test
    void aFileOfExactlyTheLimitIsSent() throws IOException {
        Path full = folder.resolve("traffic.csv");
        try (OutputStream out = Files.newOutputStream(full)) {
            write(out, limit);
        }
        CommandLineErrorsTest.Printed sent = replay(full);
        assertEquals(2, sent.exit(), sent.err());
        assertTrue(sent.err().contains("no Loopwise answered at that address"), sent.err());
    }

    @Test
    void theLimitIsReadAsTheServerReadsIt() {
        assertEquals(10L * 1024 * 1024, BodyLimit.bytes(null), "the server's default");
        assertEquals(10L * 1024 * 1024, BodyLimit.bytes(" "), "set empty: the default");
        assertEquals(512L * 1024, BodyLimit.bytes("512K"));
        assertEquals("512 KB", BodyLimit.size(512L * 1024));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> BodyLimit.bytes("10MB"));
        assertTrue(wrong.getMessage().startsWith("LOOPWISE_MAX_BODY_SIZE is '10MB': a size in bytes is expected"), wrong.getMessage());
    }

    /** A CSV of tickets of exactly {@code bytes} bytes. */
    private static void write(OutputStream out, long bytes) throws IOException {
        byte[] header = "text\n".getBytes(StandardCharsets.UTF_8);
        out.write(header);
        long left = bytes - header.length;
        for (; left >= ROW.length; left -= ROW.length) {
            out.write(ROW);
        }
        out.write("x".repeat((int) left).getBytes(StandardCharsets.UTF_8));
    }

    private static CommandLineErrorsTest.Printed replay(Path file) {
        return CommandLineErrorsTest.run("replay", "--file", file.toString(), "--key", "some-key", "--url", "http://127.0.0.1:1");
    }
}
