package dev.loopwise.model.intent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Held-out quality of an intent classifier. The final decision for a row is its intent, or
 * out-of-scope when flagged. {@code accuracy} and {@code macroF1} score that decision against the gold
 * label (out-of-scope rows count as the class {@code oos}); {@code inScopeAccuracy} is the share of
 * in-scope rows answered with the right intent and not handed over; {@code topIntentAccuracy} ignores
 * the handover; {@code outOfScopeRecall} is the share of out-of-scope rows flagged; {@code perIntent} counts, for each
 * in-scope intent of the gold labels, its rows and those answered with it.
 */
public record IntentEvaluation(int rows, double accuracy, double macroF1, double inScopeAccuracy,
                               double topIntentAccuracy, Double outOfScopeRecall, double handoverRate,
                               List<Confusion> topConfusions, List<IntentShare> perIntent) {
    public static final String OUT_OF_SCOPE = "oos";

    public record Confusion(String expected, String predicted, int count) {
    }

    /** Of an intent's {@code rows}, {@code right} were answered with it (not handed over, not given another intent). */
    public record IntentShare(String intent, int rows, int right) {
    }

    /** @param gold the gold label of each row; {@code oosLabel} (may be null) marks out-of-scope rows */
    public static IntentEvaluation of(IntentHead head, float[][] vectors, List<String> gold, String oosLabel) {
        int n = vectors.length;
        int inScope = 0;
        int oos = 0;
        int keptCorrect = 0;
        int topCorrect = 0;
        int caught = 0;
        int handedOver = 0;
        int correct = 0;
        Map<String, int[]> perClass = new TreeMap<>(); // {true positives, predicted, actual}
        Map<String, Integer> confusions = new LinkedHashMap<>();
        // Apart from perClass: an in-scope intent named like the out-of-scope class must not share the handed-over rows' count.
        Map<String, int[]> inScopeRows = new TreeMap<>(); // {rows, right}
        for (int i = 0; i < n; i++) {
            IntentPrediction p = head.predict(vectors[i]);
            boolean isOos = gold.get(i).equals(oosLabel);
            String expected = isOos ? OUT_OF_SCOPE : gold.get(i);
            String decided = p.outOfScope() ? OUT_OF_SCOPE : p.label();
            perClass.computeIfAbsent(expected, k -> new int[3])[2]++;
            perClass.computeIfAbsent(decided, k -> new int[3])[1]++;
            if (expected.equals(decided)) {
                perClass.get(expected)[0]++;
                correct++;
            } else {
                confusions.merge(expected + "\u0000" + decided, 1, Integer::sum);
            }
            if (isOos) {
                oos++;
                caught += p.outOfScope() ? 1 : 0;
            } else {
                inScope++;
                boolean kept = !p.outOfScope() && p.label().equals(expected);
                int[] counts = inScopeRows.computeIfAbsent(expected, k -> new int[2]);
                counts[0]++;
                counts[1] += kept ? 1 : 0;
                topCorrect += p.label().equals(expected) ? 1 : 0;
                keptCorrect += kept ? 1 : 0;
                handedOver += p.outOfScope() ? 1 : 0;
            }
        }
        double f1Sum = 0;
        int f1Classes = 0;
        for (int[] c : perClass.values()) {
            if (c[2] == 0) {
                continue; // a class that never occurs in the gold labels has no recall to average
            }
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = (double) c[0] / c[2];
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Classes++;
        }
        List<Confusion> top = new ArrayList<>();
        confusions.forEach((key, count) -> {
            String[] parts = key.split("\u0000");
            top.add(new Confusion(parts[0], parts[1], count));
        });
        top.sort(Comparator.comparingInt(Confusion::count).reversed().thenComparing(Confusion::expected));
        return new IntentEvaluation(n, ratio(correct, n), f1Classes == 0 ? 0 : f1Sum / f1Classes, ratio(keptCorrect, inScope),
                ratio(topCorrect, inScope), oos == 0 ? null : ratio(caught, oos), ratio(handedOver, inScope),
                List.copyOf(top.subList(0, Math.min(10, top.size()))),
                inScopeRows.entrySet().stream().map(e -> new IntentShare(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
