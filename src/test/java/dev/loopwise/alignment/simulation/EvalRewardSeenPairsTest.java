package dev.loopwise.alignment.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eval-reward} scores a reward model on a test file: a test pair about a ticket a training pair is about, in the same
 * words or in other case and spacing, would score it on what it learned. Those pairs are left out and counted, as
 * {@code eval-intents} leaves out test rows a training row has.
 */
class EvalRewardSeenPairsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void testPairsAboutATrainingTicketAreLeftOutAndCountedAndTooFewAreSaidToBe(@TempDir Path dir) throws Exception {
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            train.add(pair("Where is parcel " + i + " of my order?"));
        }
        test.add(pair("WHERE is  parcel 3 of my order?")); // a training ticket in other case and spacing
        test.add(pair("Where is parcel 5 of my order?")); // a training ticket itself
        for (int i = 0; i < 6; i++) {
            test.add(pair("Can I change the address on invoice " + i + "?"));
        }
        Files.write(dir.resolve("train.jsonl"), train);
        Files.write(dir.resolve("test.jsonl"), test);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new EvalRewardCommand()).execute("--train", dir.resolve("train.jsonl").toString(),
                    "--test", dir.resolve("test.jsonl").toString(), "--model", "vector", "--epochs", "2",
                    "--encoder", "all-MiniLM-L6-v2", "--json");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(0, exit, captured.toString(StandardCharsets.UTF_8));
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode result = JSON.readTree(lines[lines.length - 1]);
        assertEquals(6, result.path("testPairs").asInt(), result.toString());
        assertEquals(2, result.path("testSeenPairs").asInt(), result.toString());
        // An accuracy on 6 pairs was printed as if it were a verdict; one pair moves it by 17 points.
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("Note: 6 test pairs are too few to judge by: each moves the accuracy by"
                + " 17 points") && said.toString(StandardCharsets.UTF_8).contains("Give at least 20 (14 more) to tell."), said.toString());
    }

    private static String pair(String prompt) {
        return "{\"prompt\":" + quote(prompt) + ",\"chosen\":\"Here is what to do for " + prompt.toLowerCase(Locale.ROOT).length()
                + ", step by step.\",\"rejected\":\"No.\"}";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
