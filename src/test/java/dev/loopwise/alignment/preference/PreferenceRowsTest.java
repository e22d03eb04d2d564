package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.file.Place;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shape a public preference set comes in reads as the same ticket, preferred reply and rejected reply. */
class PreferenceRowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TICKET = "Where is my parcel?";
    private static final String GOOD = "Here is your tracking link.";
    private static final String BAD = "Dear customer.";

    private static Object read(String json, List<String> problems) throws Exception {
        return PreferenceRows.read(JSON.readTree(json), Place.line(7), problems);
    }

    private static void assertPair(String json) throws Exception {
        List<String> problems = new ArrayList<>();
        Object row = read(json, problems);
        assertEquals(List.of(), problems, json);
        assertEquals(new PreferenceRows.Row(TICKET, GOOD, BAD, null, Place.line(7)), row, json);
    }

    @Test
    void explicitImplicitConversationalAndOtherwiseNamedRowsReadAlike() throws Exception {
        String user = "{\"role\":\"user\",\"content\":\"" + TICKET + "\"}";
        String system = "{\"role\":\"system\",\"content\":\"You answer for Fernhill.\"}";
        String good = "{\"role\":\"assistant\",\"content\":\"" + GOOD + "\"}";
        String bad = "{\"role\":\"assistant\",\"content\":\"" + BAD + "\"}";
        String earlier = "{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"Hi, how can I help?\"},";
        assertPair("{\"prompt\":\"" + TICKET + "\",\"chosen\":\"" + GOOD + "\",\"rejected\":\"" + BAD + "\"}");
        assertPair("{\"prompt\":[" + system + "," + user + "],\"chosen\":[" + good + "],\"rejected\":[" + bad + "]}");
        // UltraFeedback: the prompt as text, each reply as the whole conversation.
        assertPair("{\"prompt\":\"" + TICKET + "\",\"chosen\":[" + user + "," + good + "],\"rejected\":[" + user + "," + bad
                + "],\"score_chosen\":8.0}");
        // Implicit prompt: the last user turn before the replies is the ticket, however long the conversation.
        assertPair("{\"chosen\":[" + earlier + user + "," + good + "],\"rejected\":[" + earlier + user + "," + bad + "]}");
        assertPair("{\"chosen\":\"\\n\\nHuman: Hello\\n\\nAssistant: Hi!\\n\\nHuman: " + TICKET + "\\n\\nAssistant: " + GOOD
                + "\",\"rejected\":\"\\n\\nHuman: Hello\\n\\nAssistant: Hi!\\n\\nHuman: " + TICKET + "\\n\\nAssistant: " + BAD + "\"}");
        assertPair("{\"question\":\"" + TICKET + "\",\"response_j\":\"" + GOOD + "\",\"response_k\":\"" + BAD + "\"}");
        assertPair("{\"history\":\"" + TICKET + "\",\"human_ref_A\":\"" + BAD + "\",\"human_ref_B\":\"" + GOOD + "\",\"labels\":0}");
        assertPair("{\"history\":\"" + TICKET + "\",\"human_ref_A\":\"" + GOOD + "\",\"human_ref_B\":\"" + BAD + "\",\"labels\":1}");
    }

    @Test
    void unpairedRowsPairGoodWithBadCompletionsOfTheSamePrompt() throws Exception {
        List<String> problems = new ArrayList<>();
        List<PreferenceRows.Unpaired> rows = new ArrayList<>();
        for (String json : List.of(
                "{\"prompt\":\"a\",\"completion\":\"good 1\",\"label\":true}",
                "{\"prompt\":\"a\",\"completion\":\"good 2\",\"label\":true}",
                "{\"prompt\":\"a\",\"completion\":\"bad 1\",\"label\":false}",
                "{\"prompt\":\"b\",\"completion\":\"only good\",\"label\":true}")) {
            rows.add((PreferenceRows.Unpaired) read(json, problems));
        }
        assertEquals(List.of(), problems);
        List<PreferenceRows.Row> pairs = UnpairedRows.paired(rows);
        assertEquals(List.of("good 1>bad 1", "good 2>bad 1"), pairs.stream().map(p -> p.chosen() + ">" + p.rejected()).toList(),
                "each good completion of 'a' against its bad one; 'b' has no bad completion to compare with");
        assertEquals(List.of("line 7: a good completion whose prompt has no bad one to pair it with (rows with 'completion' and"
                + " 'label' are paired by prompt: add a bad completion of the same prompt, or leave the row out)"),
                UnpairedRows.unmatched(rows), "the row left without a pair is named, with what to change");
        // A good and a bad completion that are one reply, case and spacing aside (a thumb up and a thumb down on one served
        // reply), make no pair, and the good one still pairs with the bad one that differs.
        List<PreferenceRows.Unpaired> alike = List.of(new PreferenceRows.Unpaired("c", "Refund sent.", true, Place.line(3)),
                new PreferenceRows.Unpaired("c", "  refund   SENT. ", false, Place.line(4)), new PreferenceRows.Unpaired("c", "No refund.", false, Place.line(5)));
        assertEquals(List.of("Refund sent.>No refund."), UnpairedRows.paired(alike).stream()
                .map(p -> p.chosen() + ">" + p.rejected()).toList());
        assertNull(read("{\"prompt\":\"a\",\"completion\":\"x\",\"label\":\"yes\"}", problems));
        assertTrue(problems.get(0).contains("'label' must be true"), problems.toString());
    }

    @Test
    void rowsThatTeachNoPreferenceAreNamed() throws Exception {
        List<String> problems = new ArrayList<>();
        assertNull(read("{\"prompt\":\"p\",\"chosen\":\"same\",\"rejected\":\"same\"}", problems));
        assertNull(read("{\"chosen\":\"Human: a Assistant: b\",\"rejected\":\"Human: c Assistant: d\"}", problems));
        assertNull(read("{\"text\":\"p\"}", problems));
        assertNull(read("{\"prompt\":[{\"role\":\"user\",\"content\":\"p\"}],\"chosen\":[],\"rejected\":\"x\"}", problems));
        // SHP's label is 1 or 0; anything else is no preference, not "B".
        assertNull(read("{\"history\":\"p\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":\"yes\"}", problems));
        assertNull(read("{\"history\":\"p\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":7}", problems));
        // Chat messages without 'prompt': both replies must answer the same conversation.
        assertNull(read("{\"chosen\":[{\"role\":\"user\",\"content\":\"A\"},{\"role\":\"assistant\",\"content\":\"yes\"}],"
                + "\"rejected\":[{\"role\":\"user\",\"content\":\"totally different\"},{\"role\":\"assistant\",\"content\":\"no\"}]}", problems));
        assertEquals(7, problems.size(), problems.toString());
        assertTrue(problems.get(4).contains("'labels' must be 1 (human_ref_A preferred) or 0"), problems.get(4));
        assertTrue(problems.get(5).contains("'labels' must be 1"), problems.get(5));
        assertTrue(problems.get(6).contains("the same conversation with different last replies"), problems.get(6));
        assertTrue(problems.get(0).startsWith("line 7: 'chosen' and 'rejected' are the same reply"), problems.get(0));
        assertTrue(problems.get(1).contains("the same conversation with different last replies"), problems.get(1));
        assertTrue(problems.get(2).contains("each row needs 'prompt', 'chosen' and 'rejected'"), problems.get(2));
        assertTrue(problems.get(3).contains("'chosen' as messages needs one whose role is 'assistant'"), problems.get(3));
        // Case and spacing aside they are the same reply too, as a round judges it: imported, the round would call them so.
        List<String> alike = new ArrayList<>();
        assertNull(read("{\"prompt\":\"p\",\"chosen\":\"Your parcel is on its way.\",\"rejected\":\"  your parcel  is on\\nits WAY. \"}", alike));
        assertTrue(alike.size() == 1 && alike.get(0).startsWith("line 7: 'chosen' and 'rejected' are the same reply (case and spacing aside)"),
                alike.toString());
    }

    @Test
    void openAisPreferenceFineTuningRowsReadAndAShapeNotReadIsToldTheShapesThatAre() throws Exception {
        String user = "{\"role\":\"user\",\"content\":\"" + TICKET + "\"}";
        assertPair("{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":"
                + "\"Hi\"}," + user + "],\"tools\":[],\"parallel_tool_calls\":true},\"preferred_output\":[{\"role\":\"assistant\","
                + "\"content\":\"" + GOOD + "\"}],\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"" + BAD + "\"}]}");
        List<String> problems = new ArrayList<>();
        assertNull(read("{\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"" + GOOD + "\"}],\"non_preferred_output\":"
                + "[{\"role\":\"assistant\",\"content\":\"" + BAD + "\"}]}", problems));
        assertNull(read("{\"text\":\"" + TICKET + "\",\"good\":\"" + GOOD + "\",\"bad\":\"" + BAD + "\"}", problems));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line 7: a row with 'preferred_output' needs 'non_preferred_output' beside it and the"
                + " conversation as 'input'"), problems.get(0));
        for (String shape : new String[] {"(KTO)", "Anthropic's HH-RLHF", "'response_k' (StackExchange pairs)", "'labels' (SHP)",
            "'non_preferred_output' (OpenAI's preference fine-tuning)"}) {
            assertTrue(problems.get(1).contains(shape), problems.get(1));
        }
        assertTrue(PreferenceRows.READ.containsAll(List.of("input", "preferred_output", "non_preferred_output")));
    }

    @Test
    void aFileOfAShapeNotReadSaysSoOnceWithItsLinesAndAnEmptyFileSaysItIsEmpty(@TempDir Path dir) throws Exception {
        Path unknown = Files.writeString(dir.resolve("pairs.jsonl"), "{\"text\":\"p\",\"good\":\"a\",\"bad\":\"b\"}\n".repeat(7));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PreferenceFile.read(unknown, System.err));
        assertTrue(refused.getMessage().startsWith(unknown + " holds no preference pairs: lines 1, 2, 3, 4, 5 and 2 more: each row needs"),
                refused.getMessage());
        assertEquals(refused.getMessage().indexOf("each row needs"), refused.getMessage().lastIndexOf("each row needs"), refused.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertEquals(empty + " holds no preference pairs: the file is empty", assertThrows(
                IllegalArgumentException.class, () -> PreferenceFile.read(empty, System.err)).getMessage());
        Path blankTable = Files.writeString(dir.resolve("blank.csv"), "\n\n\r\n");
        assertEquals(blankTable + " holds no preference pairs: the file is empty", assertThrows(
                IllegalArgumentException.class, () -> PreferenceFile.read(blankTable, System.err)).getMessage());
        Path header = Files.writeString(dir.resolve("pairs.csv"), "prompt,chosen,rejected\r\n");
        assertEquals(header + " holds no preference pairs: it has a header line and no rows under it: write one pair a line under the"
                + " header (prompt, chosen, rejected)", assertThrows(IllegalArgumentException.class,
                () -> PreferenceFile.read(header, System.err)).getMessage());
        // Other columns: told to write pairs under the header as if it were right.
        Path columns = Files.writeString(dir.resolve("other.csv"), "text,good,bad\n");
        assertEquals(columns + " holds no preference pairs: its header names the columns text, good, bad, none of which a pair is read"
                + " from, and no rows follow: name the columns prompt, chosen, rejected in the header and write one pair a line under it",
                assertThrows(IllegalArgumentException.class, () -> PreferenceFile.read(columns, System.err)).getMessage());
        Path array = Files.writeString(dir.resolve("pairs.json"), "[]\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PreferenceFile.read(array, System.err))
                .getMessage().startsWith(array + " holds no preference pairs: it holds no rows: write one JSON object a line"));
    }

    @Test
    void aFileLeavesOutAndCountsTheRowsItCannotUse(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("pairs.jsonl");
        Files.writeString(jsonl, "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n\nnot json\n"
                + "{\"prompt\":\"q\",\"chosen\":\"c\",\"rejected\":\"c\"}\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PreferenceFile.Read read = PreferenceFile.read(jsonl, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(1, read.pairs().size());
        assertEquals(2, read.skipped());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("left out 2 rows it cannot learn from (line 3: not valid JSON"),
                log.toString(StandardCharsets.UTF_8));
        // One row left out is one row, and a line that is not JSON is not said to "teach no preference".
        Files.writeString(jsonl, "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n{\"prompt\":");
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        PreferenceFile.read(jsonl, new PrintStream(one, true, StandardCharsets.UTF_8));
        assertTrue(one.toString(StandardCharsets.UTF_8).contains(": left out 1 row it cannot learn from (line 2: not valid JSON"),
                one.toString(StandardCharsets.UTF_8));
        Path array = dir.resolve("pairs.json");
        Files.writeString(array, "\uFEFF[{\"question\":\"p\",\"response_j\":\"a\",\"response_k\":\"b\"}]");
        assertEquals("a", PreferenceFile.read(array, System.err).pairs().get(0).first());
    }

    @Test
    void aFileWithLoneCarriageReturnsReadsLineByLineAndABrokenArraySaysWhere(@TempDir Path dir) throws Exception {
        Path classicMac = Files.writeString(dir.resolve("mac.jsonl"), "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\r"
                + "{\"prompt\":\"q\",\"chosen\":\"c\",\"rejected\":\"d\"}\r");
        PreferenceFile.Read read = PreferenceFile.read(classicMac, System.err);
        assertEquals(2, read.pairs().size());
        assertEquals(0, read.skipped());
        Path cut = Files.writeString(dir.resolve("cut.json"), "[{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"},\n"
                + "{\"prompt\":\"q\",\"chosen\":\"c\",");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PreferenceFile.read(cut, System.err));
        assertTrue(refused.getMessage().startsWith(cut + " starts as a JSON array but is not valid JSON (row 2 (line 2): "), refused.getMessage());
        assertTrue(!refused.getMessage().contains("Source"), refused.getMessage());
    }
}
