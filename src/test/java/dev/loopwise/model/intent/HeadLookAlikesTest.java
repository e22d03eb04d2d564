package dev.loopwise.model.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The intent head on frozen vectors carves a share of its training rows to choose its epoch count and threshold on; a row
 * alike a fitted one (the same text, case and spacing aside, or the same vector) is fitted with it and counted, as the
 * fine-tune counts it. Every intent here has 10 rows, of which the split draws round(10 × 0.15) = 2 to hold out: in an
 * intent whose 10 rows are all alike, both are alike a fitted row, in an intent of 10 different rows neither is.
 */
class HeadLookAlikesTest {
    private static final List<String> LABELS = List.of("refund", "delivery", "password");

    @Test
    void rowsAlikeByTextOrByVectorAreFittedAndCounted() {
        List<String> texts = new ArrayList<>();
        float[][] vectors = new float[30][];
        int[] labels = new int[30];
        for (int i = 0; i < 10; i++) {
            // refund: one text in other case and spacing, each read as a vector of its own (as a cased encoder may)
            texts.add(i % 2 == 0 ? "I want a refund" + " ".repeat(i) : "  I WANT A  REFUND");
            vectors[i] = new float[] {1, 0, 0, 0.001f * i};
        }
        for (int i = 0; i < 10; i++) {
            // delivery: ten different texts an encoder reads alike
            texts.add("where is parcel " + i);
            vectors[10 + i] = new float[] {0, 1, 0, 0};
            labels[10 + i] = 1;
        }
        for (int i = 0; i < 10; i++) {
            // password: ten different texts, ten vectors
            texts.add("reset password number " + i);
            vectors[20 + i] = new float[] {0, 0, 1, 0.001f * i};
            labels[20 + i] = 2;
        }
        LabelledVectors train = new LabelledVectors(vectors, labels);
        LabelledVectors none = new LabelledVectors(new float[0][], new int[0]);
        IntentTrainingConfig config = IntentTrainingConfig.defaults(5).withRegime(IntentHead.TRAINED);

        IntentTrainingResult both = IntentTrainer.train(config, new IntentTrainingData(LABELS, train, none, null, null, texts));
        assertEquals(4, both.heldOutSeen(), "two of refund, alike by text, and two of delivery, alike by vector");
        IntentTrainingResult vectorsOnly = IntentTrainer.train(config, new IntentTrainingData(LABELS, train, none, null, null));
        assertEquals(2, vectorsOnly.heldOutSeen(), "without the texts, only the rows of one vector are alike");
    }

    @Test
    void evalIntentsReportsTheLookAlikesTheLinearHeadFitted(@TempDir Path dir) throws Exception {
        List<String> rows = new ArrayList<>(List.of("text,label,split"));
        for (int i = 0; i < 10; i++) {
            String refund = i % 2 == 0 ? "I want a refund for my order" : "i WANT a refund   for MY order";
            rows.add("\"" + refund + " ".repeat(i) + "\",refund,train");
            rows.add("\"Where is parcel " + i + " of my delivery?\",delivery,train");
            rows.add("\"I cannot sign in to account " + i + ", the password fails\",password,train");
        }
        for (int i = 0; i < 2; i++) {
            rows.add("\"Please return the money for purchase " + (20 + i) + "\",refund,test");
            rows.add("\"My package " + (20 + i) + " has not arrived yet\",delivery,test");
            rows.add("\"Login for user " + (20 + i) + " is locked out\",password,test");
        }
        Path file = dir.resolve("tickets.csv");
        Files.write(file, rows);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new EvalIntentsCommand()).execute("--train", file.toString(), "--test", file.toString(),
                    "--regime", "linear", "--seed", "5", "--encoder", "all-MiniLM-L6-v2", "--json");
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8).strip();
        assertEquals(0, exit, printed);
        String[] lines = printed.split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(IntentRegime.LINEAR, result.path("regime").asText(), result.toString());
        assertEquals(2, result.path(IntentTrainer.HELD_OUT_SEEN).asInt(), result.toString());
    }
}
