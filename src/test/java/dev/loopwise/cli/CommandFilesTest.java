package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The files a command reads as people have them: exports in other encodings, compressed data sets, mistyped names. */
class CommandFilesTest {
    private Path dir;

    @BeforeEach
    void folder() throws Exception {
        dir = Files.createTempDirectory("command-files");
    }

    @AfterEach
    void clean() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static String tickets(String separator, String lineEnd) {
        String[][] intents = {
            {"track_order", "where is my parcel", "my order has not arrived", "tracking number please", "when will my package come"},
            {"refund", "I want my money back", "please refund my purchase", "how do I get a refund", "refund for a broken item"},
            {"reset_password", "I forgot my password", "reset my password please", "password not working", "locked out of my account"},
        };
        StringBuilder file = new StringBuilder(String.join(separator, "text", "label", "split")).append(lineEnd);
        for (String[] intent : intents) {
            for (int i = 1; i < intent.length; i++) {
                file.append(String.join(separator, intent[i], intent[0], i == intent.length - 1 ? "test" : "train")).append(lineEnd);
            }
        }
        return file.toString();
    }

    @Test
    void aMissingFileAFolderAndAFileInAnotherEncodingAreNamedWithWhatToDo() throws Exception {
        Path good = Files.writeString(dir.resolve("tickets.csv"), tickets(",", "\n"));
        Printed missing = evalIntents(dir.resolve("ticktes.csv"), good);
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("there is no file '" + dir.resolve("ticktes.csv") + "'"), missing.err);
        Printed missingTest = evalIntents(good, dir.resolve("test.csv"));
        assertTrue(missingTest.err.contains("there is no file '" + dir.resolve("test.csv") + "'"), missingTest.err);

        Printed folder = evalIntents(dir, good);
        assertEquals(2, folder.exit);
        assertTrue(folder.err.contains("'" + dir + "' is a folder"), folder.err);

        Path windows = Files.write(dir.resolve("export.csv"), (tickets(",", "\r\n") + "caf\u00e9 order late,track_order,train\r\n")
                .getBytes(Charset.forName("windows-1252")));
        Printed latin = evalIntents(windows, windows);
        assertEquals(2, latin.exit);
        assertTrue(latin.err.contains("'" + windows + "' is not UTF-8 text: save it as UTF-8 (in Excel: CSV UTF-8)"), latin.err);
        for (Printed printed : new Printed[] {missing, missingTest, folder, latin}) {
            assertFalse(printed.err.contains("Exception") || printed.err.contains("Input length"), printed.err);
        }
    }

    @Test
    void utf16WithItsMarkAndGzipFilesAreRead() throws Exception {
        // Excel's "Unicode Text": UTF-16 with a byte-order mark, and Windows line ends.
        Path unicode = Files.write(dir.resolve("tickets.txt"), tickets(",", "\r\n").getBytes(StandardCharsets.UTF_16));
        Printed read = evalIntents(unicode, unicode);
        assertEquals(0, read.exit, read.err);
        assertTrue(read.out.contains("\"trainRows\":9") && read.out.contains("\"testRows\":3"), read.out);

        Path compressed = dir.resolve("tickets.csv.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            out.write(tickets(",", "\n").getBytes(StandardCharsets.UTF_8));
        }
        Printed unpacked = evalIntents(compressed, compressed);
        assertEquals(0, unpacked.exit, unpacked.err);
        assertTrue(unpacked.out.contains("\"trainRows\":9") && unpacked.out.contains("\"testRows\":3"), unpacked.out);

        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(Files.readAllBytes(compressed), 20));
        Printed broken = evalIntents(cut, cut);
        assertEquals(2, broken.exit);
        assertTrue(broken.err.contains("'" + cut + "' starts as a gzip file but cannot be decompressed"), broken.err);
    }

    @Test
    void aJsonLineWithATextPastTheParsersLimitSaysTheLimitNotWhereTheParserStopped() throws Exception {
        // A 50 MB line was said to hold "a text 20,051,327 characters long": the count where the parser gave up.
        Path big = dir.resolve("tickets.jsonl");
        Files.writeString(big, "{\"text\": \"where is my parcel\", \"label\": \"track_order\"}\n{\"text\": \""
                + "a".repeat(25_000_000) + "\", \"label\": \"refund\"}\n");
        Printed refused = evalIntents(big, big);
        assertEquals(2, refused.exit);
        assertTrue(refused.err.contains("line 2: not valid JSON (a text more than 20,000,000 characters long: one value holds at most"
                + " 20,000,000)"), refused.err);
        assertEquals(1, refused.err.strip().lines().count(), refused.err);
    }

    @Test
    void aCsvFileNamedAsJsonLinesIsToldToBeRenamedNotSentWithAContentType() throws Exception {
        // The upload's words ("send it with the content type text/csv") mean nothing to a file named on the command line.
        Path misnamed = Files.writeString(dir.resolve("tickets.jsonl"), tickets(",", "\n"));
        Printed refused = evalIntents(misnamed, misnamed);
        assertEquals(2, refused.exit);
        assertEquals("loopwise: " + misnamed + ": line 1: this looks like CSV (a header line of column names), not JSON lines: give the"
                + " file the ending .csv", refused.err.strip());
    }

    static Printed evalIntents(Path train, Path test, String... more) {
        List<String> args = new ArrayList<>(List.of("eval-intents", "--train", train.toString(),
                "--test", test.toString(), "--encoder", "all-MiniLM-L6-v2", "--regime", "prototypes", "--no-cache", "--json"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    record Printed(int exit, String out, String err) {
    }

    static Printed run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outBefore = System.out;
        PrintStream errBefore = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = LoopwiseCommand.commandLine().execute(args);
            return new Printed(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(outBefore);
            System.setErr(errBefore);
        }
    }
}
