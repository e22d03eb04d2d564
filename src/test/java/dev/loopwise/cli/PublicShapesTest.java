package dev.loopwise.cli;

import static dev.loopwise.cli.CommandFilesTest.evalIntents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation commands on files in the shapes public data sets ship in, and the help that names those shapes. */
class PublicShapesTest {
    @TempDir
    Path dir;

    @Test
    void clinc150sJsonOfPartsTrainsOnTrainChoosesOnValAndScoresTest() throws Exception {
        String clinc = """
                {"oos_val": [["what is the meaning of life", "oos"]], "val": [["status of my parcel", "track_order"],
                 ["money back for this", "refund"]], "train": [["where is my parcel", "track_order"], ["my order has not arrived",
                 "track_order"], ["tracking number please", "track_order"], ["I want my money back", "refund"],
                 ["please refund my purchase", "refund"], ["how do I get a refund", "refund"]],
                 "test": [["when will my package come", "track_order"], ["refund for a broken item", "refund"]],
                 "oos_train": [["sing me a song", "oos"]], "oos_test": [["who is the president", "oos"]]}
                """;
        Path file = Files.writeString(dir.resolve("data_full.json"), clinc);
        CommandFilesTest.Printed read = evalIntents(file, file);
        assertEquals(0, read.exit(), read.err());
        assertTrue(read.out().contains("\"trainRows\":7") && read.out().contains("\"validationRows\":3")
                && read.out().contains("\"testRows\":3"), read.out());

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"train\": [[\"where is my parcel\", \"track_order\"], [\"refund\"]]}");
        CommandFilesTest.Printed refused = evalIntents(bad, bad);
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.err().contains("row 2 of 'train': expected a pair [text, intent] of two strings, not [\"refund\"]"),
                refused.err());
    }

    @Test
    void eachCommandsHelpListsTheShapesItReads() {
        CommandFilesTest.Printed intents = CommandFilesTest.run("eval-intents", "--help");
        assertEquals(0, intents.exit(), intents.err());
        for (String shape : new String[] {"tabs (TSV)", "byte-order mark", "JSON lines", "JSON array", "CLINC150", "utterance",
                "intent", "category", "val, validation or dev"}) {
            assertTrue(intents.out().replaceAll("\\s+", " ").contains(shape), shape + " in " + intents.out());
        }
        CommandFilesTest.Printed reward = CommandFilesTest.run("eval-reward", "--help");
        assertEquals(0, reward.exit(), reward.err());
        for (String shape : new String[] {"CSV or TSV table", "prompt, chosen, rejected", "chat messages", "Anthropic HH", "KTO", "StackExchange",
                "SHP", "OpenAI preference"}) {
            assertTrue(reward.out().replaceAll("\\s+", " ").contains(shape), shape + " in " + reward.out());
        }
    }

    @Test
    void aShapeThatTakesTwoLinesContinuesIndentedSoThatEachShapeStandsOut() {
        for (String command : new String[] {"eval-intents", "eval-reward"}) {
            String out = CommandFilesTest.run(command, "--help").out();
            List<String> footer = out.lines().dropWhile(line -> !line.startsWith("Files it reads")).toList();
            assertTrue(footer.size() > 5, out);
            for (int i = 1; i < footer.size(); i++) {
                String line = footer.get(i);
                boolean indented = line.startsWith("  ");
                boolean paragraphGoesOn = !footer.get(i - 1).startsWith(" ");
                boolean newParagraph = line.startsWith("Columns") || line.startsWith("The ticket");
                assertTrue(indented || paragraphGoesOn || newParagraph,
                        command + ": line " + i + " of the shapes starts at the margin mid-item: '" + line + "'\n" + out);
                assertTrue(line.length() <= 80, command + ": longer than the help's width: '" + line + "'");
            }
        }
    }

    @Test
    void aFileNotInUtf8NamesTheLineOfItsFirstForeignCharacter() throws Exception {
        Path latin = Files.write(dir.resolve("latin.csv"), ("text,label\nwhere is my parcel,track_order\n\"refund, please\",refund\n"
                + "o\u00f9 est mon colis,track_order\n").getBytes(StandardCharsets.ISO_8859_1));
        CommandFilesTest.Printed intents = evalIntents(latin, latin);
        assertEquals(2, intents.exit(), intents.out());
        assertTrue(intents.err().contains("is not UTF-8 text: save it as UTF-8 (in Excel: CSV UTF-8) and run the command again."
                + " Its first character that is not UTF-8 is on line 4"), intents.err());
        Path prefs = Files.write(dir.resolve("prefs.jsonl"), ("{\"prompt\": \"a\", \"chosen\": \"b\", \"rejected\": \"c\"}\n"
                + "{\"prompt\": \"caf\u00e9\", \"chosen\": \"b\", \"rejected\": \"c\"}\n").getBytes(StandardCharsets.ISO_8859_1));
        CommandFilesTest.Printed reward = CommandFilesTest.run("eval-reward", "--train", prefs.toString(), "--test", prefs.toString(),
                "--encoder", "all-MiniLM-L6-v2");
        assertEquals(2, reward.exit(), reward.out());
        assertTrue(reward.err().contains("Its first character that is not UTF-8 is on line 2"), reward.err());
    }
}
