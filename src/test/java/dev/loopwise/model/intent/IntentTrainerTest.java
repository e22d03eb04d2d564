package dev.loopwise.model.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.DemoData;
import dev.loopwise.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Regimes are chosen by how many examples each intent has, and unfamiliar requests are flagged. */
class IntentTrainerTest {

    @Test
    void fewExamplesGivePrototypesAndManyATrainedHead() {
        IntentTrainingConfig config = IntentTrainingConfig.defaults(1);
        List<String> labels = List.of("a", "b");
        LabelledVectors few = new LabelledVectors(new float[][] {{1, 0}, {0, 1}}, new int[] {0, 1});
        assertEquals(IntentHead.FEW_SHOT, IntentTrainer.chooseRegime(config, new IntentTrainingData(labels, few, few, null, null)));
        LabelledVectors none = new LabelledVectors(new float[0][], new int[0]);
        assertEquals(IntentHead.ZERO_SHOT, IntentTrainer.chooseRegime(config, new IntentTrainingData(labels, none, none, null, null)));
    }

    @Test
    void outOfScopeExamplesTeachTheThresholdToFlagUnfamiliarRequests() {
        // Demo tickets of six intents are "in scope"; the other twelve intents play unfamiliar requests.
        List<CSVRecord> rows = DemoWorkspace.read("tickets.csv");
        List<String> inScope = List.of("track_order", "cancel_order", "return_item", "refund_status", "account_login", "invoice_request");
        List<String> texts = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        for (CSVRecord row : rows) {
            texts.add(row.get("text"));
            gold.add(inScope.contains(row.get("label")) ? row.get("label") : "oos");
        }
        float[][] vectors = DemoData.embed(texts);
        List<String> labels = new ArrayList<>(inScope);
        labels.add("oos");
        List<Integer> trainRows = new ArrayList<>();
        List<Integer> testRows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            (Ticket.defaultSplit(texts.get(i)).equals("test") ? testRows : trainRows).add(i);
        }
        LabelledVectors train = new LabelledVectors(pick(vectors, trainRows),
                trainRows.stream().mapToInt(i -> labels.indexOf(gold.get(i))).toArray());
        IntentTrainingResult result = IntentTrainer.train(IntentTrainingConfig.defaults(3),
                new IntentTrainingData(labels, train, new LabelledVectors(new float[0][], new int[0]), null, "oos"));
        IntentEvaluation evaluation = IntentEvaluation.of(result.head(), pick(vectors, testRows),
                testRows.stream().map(gold::get).toList(), "oos");
        assertTrue(evaluation.outOfScopeRecall() > 0.6, "out-of-scope recall " + evaluation.outOfScopeRecall());
        assertTrue(evaluation.inScopeAccuracy() > 0.6, "in-scope accuracy " + evaluation.inScopeAccuracy());
    }

    private static float[][] pick(float[][] vectors, List<Integer> rows) {
        return rows.stream().map(i -> vectors[i]).toArray(float[][]::new);
    }
}
