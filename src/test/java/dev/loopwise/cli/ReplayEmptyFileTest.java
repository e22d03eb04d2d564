package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} on a file it cannot use (empty, a header alone, unreadable, too many tickets) says so itself, before it
 * connects, and exits 2 as for any file to fix: the server could only refuse it after the whole file was sent.
 */
class ReplayEmptyFileTest {

    @Test
    void anEmptyFileIsNamedAndNothingIsSent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replay.csv");
        for (String empty : new String[] {"", "\n\r\n  \n"}) {
            Files.writeString(file, empty);
            String said = refused(file);
            assertTrue(said.contains(file + " is empty, so there is nothing to replay") && said.contains("Nothing was sent."), said);
        }
    }

    @Test
    void aHeaderAloneIsNamedAndNothingIsSent(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("header.csv"), "text\r\n");
        assertEquals("loopwise: " + file + " holds no tickets, so there is nothing to replay: put one ticket on each line (a CSV"
                + " needs a header line with a text column, then the tickets). Nothing was sent.\n", refused(file));
    }

    @Test
    void aFileWithoutATextColumnIsRefusedWithWhatItLacks(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("columns.csv"), "subject\nwhere is my order\n");
        String said = refused(file);
        assertTrue(said.startsWith("loopwise: " + file + ": The file was not replayed: "), said);
        assertTrue(said.endsWith(" Nothing was sent.\n") && said.lines().count() == 1, said);
    }

    @Test
    void moreTicketsThanOneReplayTakesAreRefusedWithTheirCount(@TempDir Path dir) throws Exception {
        // 20,000 is the most one replay takes; one more is refused here rather than by the server after the upload.
        Path file = Files.writeString(dir.resolve("long.csv"), "text\n" + "where is my order\n".repeat(20_001));
        assertEquals("loopwise: " + file + ": it holds 20001 tickets: replay at most 20000 at a time (split the file). Nothing was"
                + " sent.\n", refused(file));
    }

    @Test
    void aCsvFileNamedAsJsonLinesIsToldToBeRenamedNotSentWithAContentType(@TempDir Path dir) throws Exception {
        // A command line chooses no content type: the upload's advice would leave its user with nothing to do.
        Path plain = Files.writeString(dir.resolve("tickets.jsonl"), "text,intent\nwhere is my order,track_order\n");
        String said = refused(plain);
        assertTrue(said.contains("not JSON lines: give the file the ending .csv;") || said.contains("not JSON lines: give the file the ending .csv."), said);
        assertTrue(!said.contains("content type"), said);
        Path compressed = dir.resolve("tickets.jsonl.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            out.write("text,intent\nwhere is my order,track_order\n".getBytes(StandardCharsets.UTF_8));
        }
        said = refused(compressed);
        assertTrue(said.contains("give the file the ending .csv.gz"), said);
    }

    /** Nothing listens on port 1: had the file been sent, the command would say no Loopwise answered. */
    private static String refused(Path file) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = LoopwiseCommand.commandLine().execute("replay", "--file", file.toString(), "--key", "some-key", "--url",
                    "http://127.0.0.1:1");
        } finally {
            System.setErr(before);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, said);
        return said;
    }
}
