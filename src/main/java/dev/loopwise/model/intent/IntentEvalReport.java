package dev.loopwise.model.intent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.EvalMessages;
import dev.loopwise.common.runtime.PeakMemory;
import dev.loopwise.model.Progress;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What {@code loopwise eval-intents} tells: notes on the data before training, and the results after, as text or JSON. */
final class IntentEvalReport {
    private IntentEvalReport() {
    }

    /** Rows left out or unlearnable, said before the training so a surprising score is explained. */
    static void notes(IntentDataSplit split, String oosLabel, boolean shots, int fewest, Progress progress) {
        Map<String, Integer> thin = new TreeMap<>();
        List<Integer> counts = split.perLabel(oosLabel);
        List<String> inScope = split.labels().stream().filter(l -> !l.equals(oosLabel)).toList();
        for (int i = 0; i < inScope.size(); i++) {
            if (counts.get(i) < fewest) {
                thin.put(inScope.get(i), counts.get(i));
            }
        }
        if (!shots && !thin.isEmpty()) { // with --shots the few rows are what was asked for
            progress.line("Note: " + EvalMessages.fewTrainingRows(thin, fewest));
        }
        if (split.droppedTest() + split.droppedValidation() > 0) {
            progress.line("Note: " + EvalMessages.seenInTraining(split.droppedTest(), split.droppedValidation()));
        }
        if (split.test().size() < EvalMessages.TOO_FEW_TO_JUDGE) {
            progress.line("Note: " + EvalMessages.tooFewToJudge(split.test().size(), "test row"));
        }
        Map<String, Integer> unseen = split.unseenTestLabels();
        unseen.remove(oosLabel);
        if (!unseen.isEmpty()) {
            int rows = unseen.values().stream().mapToInt(Integer::intValue).sum();
            progress.line("Note: " + rows + (rows == 1 ? " test row has a label" : " test rows have labels") + " no training row has ("
                    + unseen.entrySet().stream().limit(10).map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", ")) + (unseen.size() > 10 ? ", …" : "")
                    + "); they count as wrong unless handed over. Add training rows of them, or label them '" + oosLabel
                    + "' if they are out of scope.");
        }
    }

    static Map<String, Object> results(IntentHead head, IntentEvaluation evaluation, IntentDataSplit split, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        // As the command line names it (--regime prototypes), not as the head is stored (few_shot).
        out.put("regime", IntentRegime.parse(head.regime()));
        out.put("trainRows", split.train().size());
        out.put("validationRows", split.validation().size());
        out.put("testRows", split.test().size());
        out.put("droppedTestRows", split.droppedTest());
        out.put("droppedValidationRows", split.droppedValidation());
        out.put("accuracy", evaluation.accuracy());
        out.put("macroF1", evaluation.macroF1());
        out.put("inScopeAccuracy", evaluation.inScopeAccuracy());
        out.put("topIntentAccuracy", evaluation.topIntentAccuracy());
        out.put("outOfScopeRecall", evaluation.outOfScopeRecall());
        out.put("handoverRate", evaluation.handoverRate());
        out.put("threshold", head.threshold());
        out.put("seed", seed);
        return out;
    }

    /** @param oosLabel the label of out-of-scope rows, named in the text's explanations */
    static void print(Map<String, Object> out, IntentEvaluation evaluation, boolean json, String oosLabel) throws IOException {
        out.put("peakRssMb", PeakMemory.residentMegabytes());
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(out));
            return;
        }
        System.out.println(IntentEvalText.render(out, evaluation, oosLabel));
    }
}
