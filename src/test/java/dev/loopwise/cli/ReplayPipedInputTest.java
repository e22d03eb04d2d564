package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code replay} reads its file once, as it comes: a pipe ({@code --file /dev/stdin}) cannot be read a second time, and
 * the limit is what the server would receive, the text in UTF-8, whatever the file's own encoding. Run as its own
 * process with LOOPWISE_MAX_BODY_SIZE=1K, so a file over the limit is small; nothing listens on port 1, so a file that
 * passes every check ends with no Loopwise answering.
 */
class ReplayPipedInputTest {
    private static final String SENT = "no Loopwise answered at that address";
    private static final String REFUSED = "This file is larger than 1 KB";

    @Test
    void ticketsPipedInAreSent() throws Exception {
        Printed piped = replay("/dev/stdin", "text\nwhere is my order\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, piped.exit, piped.err);
        assertTrue(piped.err.contains(SENT), piped.err);
    }

    @Test
    void aGzipFilePipedInIsDecompressedAndSent() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(packed)) {
            out.write("text\nwhere is my order\n".getBytes(StandardCharsets.UTF_8));
        }
        Printed piped = replay("/dev/stdin", packed.toByteArray());
        assertEquals(2, piped.exit, piped.err);
        assertTrue(piped.err.contains(SENT), piped.err);
    }

    @Test
    void aPipeOverTheLimitIsRefused() throws Exception {
        Printed piped = replay("/dev/stdin", ("text\n" + "where is my order\n".repeat(100)).getBytes(StandardCharsets.UTF_8));
        assertEquals(2, piped.exit, piped.err);
        assertTrue(piped.err.contains("/dev/stdin: " + REFUSED), piped.err);
    }

    @Test
    void aUtf16FileIsMeasuredAsTheUtf8ItIsSentAs() throws Exception {
        Path folder = Files.createTempDirectory("replay-utf16");
        try {
            // 1,402 bytes in UTF-16, 700 once sent.
            Path latin = folder.resolve("latin.csv");
            Files.write(latin, utf16("text\n" + "where is my order\n".repeat(38) + "x".repeat(11)));
            assertTrue(Files.size(latin) > 1024, "the file itself is over the limit");
            Printed sent = replay(latin.toString(), new byte[0]);
            assertEquals(2, sent.exit, sent.err);
            assertTrue(sent.err.contains(SENT) && !sent.err.contains(REFUSED), sent.err);
            // 812 bytes in UTF-16, 1,105 once sent: three bytes in UTF-8 for each of these characters.
            Path chinese = folder.resolve("chinese.csv");
            Files.write(chinese, utf16("text\n" + "我的订单在哪里\n".repeat(50)));
            assertTrue(Files.size(chinese) < 1024, "the file itself is under the limit");
            Printed refused = replay(chinese.toString(), new byte[0]);
            assertEquals(2, refused.exit, refused.err);
            assertTrue(refused.err.contains(chinese + ": " + REFUSED), refused.err);
            assertFalse(refused.err.contains(SENT), refused.err);
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    private static byte[] utf16(String text) {
        return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
    }

    private record Printed(int exit, String err) {
    }

    private static Printed replay(String file, byte[] input) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.loopwise.Main", "replay", "--file", file, "--key", "some-key", "--url",
                "http://127.0.0.1:1").redirectOutput(ProcessBuilder.Redirect.DISCARD);
        command.environment().put("LOOPWISE_MAX_BODY_SIZE", "1K");
        Process replay = command.start();
        try (OutputStream in = replay.getOutputStream()) {
            in.write(input);
        }
        String err = new String(replay.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Printed(replay.waitFor(), err);
    }
}
