package dev.loopwise.cli;

import static dev.loopwise.cli.CommandFilesTest.tickets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What eval-intents and eval-reward print for a person, without --json: which rows the figures come from and what each counts. */
class EvalReportTextTest {
    @TempDir
    Path dir;

    @Test
    void theFiguresSayTheyComeFromTestRowsKeptAsideAndWhatEachCounts() throws Exception {
        Path file = Files.writeString(dir.resolve("tickets.csv"), tickets(",", "\n") + "what is the weather,oos,test\n");
        CommandFilesTest.Printed printed = CommandFilesTest.run("eval-intents", "--train", file.toString(), "--test", file.toString(),
                "--encoder", "all-MiniLM-L6-v2", "--regime", "prototypes", "--no-cache");
        assertEquals(0, printed.exit(), printed.err());
        String out = printed.out();
        // It printed a JSON dump stripped of its braces ("accuracy : 1.0"): no word on which rows, shares as fractions.
        assertTrue(out.startsWith("Measured on 4 test rows kept aside from training (never trained on):"), out);
        assertTrue(out.matches("(?s).*\\n  accuracy +\\d{1,3}\\.\\d% +rows given their right intent, or handed over when labelled 'oos'\\n.*"),
                out);
        assertTrue(out.matches("(?s).*\\n  out-of-scope recall +\\d{1,3}\\.\\d% +rows labelled 'oos' handed over\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  threshold +0\\.\\d{3} +a request whose best intent is less likely than this is handed over\\n.*"),
                out);
        assertTrue(out.contains("\nTrained: prototypes on 9 rows") && out.contains("; seed 42.\n"), out);
        assertTrue(out.contains("\nEncoder: all-MiniLM-L6-v2@"), out);
        assertFalse(out.contains("inScopeAccuracy") || out.contains("null") || out.contains(" : "), out);
    }

    @Test
    void theCountOfTextsEncodedIsTheOneTheProgressLineCountedWhenARepeatedTextIsEncodedOnce() throws Exception {
        String u = UUID.randomUUID().toString();
        String repeated = "where is my parcel " + u;
        Path file = Files.writeString(dir.resolve("repeats.csv"), "text,label,split\n" + repeated + ",track_order,train\n"
                + repeated + ",track_order,train\nmy order has not arrived " + u + ",track_order,train\n"
                + "I want my money back " + u + ",refund,train\nplease refund my purchase " + u + ",refund,train\n"
                + repeated + ",track_order,test\nhow do I get a refund " + u + ",refund,test\n");
        CommandFilesTest.Printed printed = CommandFilesTest.run("eval-intents", "--train", file.toString(), "--test", file.toString(),
                "--encoder", "all-MiniLM-L6-v2", "--regime", "prototypes");
        assertEquals(0, printed.exit(), printed.err());
        Matcher progress = Pattern.compile("Encoding (\\d+)/(\\d+) texts").matcher(printed.err());
        Matcher report = Pattern.compile("; (\\d+) texts encoded in ").matcher(printed.out());
        assertTrue(progress.find() && report.find(), printed.err() + printed.out());
        // 5 distinct new rows (the parcel text three times) and at most the 2 intents' descriptions, not every text handed over.
        assertEquals(progress.group(2), report.group(1), printed.err() + printed.out());
        assertTrue(Integer.parseInt(report.group(1)) >= 5 && Integer.parseInt(report.group(1)) <= 7, printed.out());
    }

    @Test
    void withoutOutOfScopeTestRowsItsRecallIsADashSayingWhyAndJsonKeepsItsNames() throws Exception {
        Path file = Files.writeString(dir.resolve("tickets.csv"), tickets(",", "\n"));
        CommandFilesTest.Printed printed = CommandFilesTest.run("eval-intents", "--train", file.toString(), "--test", file.toString(),
                "--encoder", "all-MiniLM-L6-v2", "--regime", "prototypes", "--no-cache", "--oos-label", "none");
        assertEquals(0, printed.exit(), printed.err());
        assertTrue(printed.out().matches("(?s).*\\n  out-of-scope recall +- +no test row is labelled 'none' \\(--oos-label names the label\\)\\n.*"),
                printed.out());
        CommandFilesTest.Printed json = CommandFilesTest.evalIntents(file, file);
        assertTrue(json.out().startsWith("{\"regime\":\"prototypes\",\"trainRows\":9,") && json.out().contains("\"outOfScopeRecall\":null"),
                json.out());
    }

    @Test
    void evalRewardSaysItsFiguresComeFromTheTestPairsAndHowEachModelDidOnWhichPairs() throws Exception {
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            train.append(pair("Where is parcel " + i + " of my order?"));
        }
        StringBuilder test = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            test.append(pair("Can I change the address on invoice " + i + "?"));
        }
        Path trainFile = Files.writeString(dir.resolve("train.jsonl"), train);
        Path testFile = Files.writeString(dir.resolve("test.jsonl"), test);
        CommandFilesTest.Printed printed = CommandFilesTest.run("eval-reward", "--train", trainFile.toString(), "--test",
                testFile.toString(), "--model", "vector", "--epochs", "2", "--encoder", "all-MiniLM-L6-v2");
        assertEquals(0, printed.exit(), printed.err());
        String out = printed.out();
        // It printed its map as it stood ("vectorTestAccuracy  0.75", "calibrationError  0.18..."), nothing saying on which pairs.
        assertTrue(out.startsWith("Measured on 4 test pairs of --test, kept aside from training, with the vector model:\n"), out);
        assertTrue(out.matches("(?s).*\\n  accuracy +\\d{1,3}\\.\\d% +pairs it ranks right, the chosen reply above the rejected one.*"), out);
        assertTrue(out.matches("(?s).*\\nTrained on \\d+ pairs of --train; \\d+ more of its pairs were kept aside as validation pairs,"
                + " to check it:\\n  vector model +\\d{1,3}\\.\\d% +on the test pairs \\(\\d{1,3}\\.\\d% on the validation pairs\\).*"), out);
        assertFalse(out.contains("TestAccuracy") || out.contains("calibrationError"), out);
    }

    private static String pair(String ticket) {
        return "{\"prompt\": \"" + ticket + "\", \"chosen\": \"I have checked it for you: it is on its way and arrives tomorrow.\","
                + " \"rejected\": \"No.\"}\n";
    }
}
