package dev.loopwise.model.transformer.tuning;

import dev.loopwise.model.OutOfScopeThreshold;
import dev.loopwise.model.Vectors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores a head on held-out vectors and chooses its out-of-scope threshold there with the product's rule
 * ({@link OutOfScopeThreshold#choose}: with out-of-scope rows, the threshold maximising in-scope accuracy +
 * w · out-of-scope recall; without, the one keeping {@code retention} of the in-scope rows).
 *
 * <p>Rows are labelled with indices into the head's labels, or −1 for out-of-scope rows of a label the head
 * was not trained on. Metrics: {@code eval/loss} (cross-entropy over rows of trained labels),
 * {@code eval/accuracy} (arg-max decision, out-of-scope as a class, no threshold), {@code eval/threshold},
 * and at that threshold {@code eval/in_scope_accuracy} (right intent and not handed over),
 * {@code eval/oos_recall}, {@code eval/oos_examples} (how many out-of-scope rows there were); {@code eval/score}:
 * in-scope accuracy + w · out-of-scope recall at the chosen threshold with enough out-of-scope rows to weigh
 * ({@link OutOfScopeThreshold#enoughToWeigh}), the arg-max accuracy otherwise.
 */
final class HeadEvaluation {
    private HeadEvaluation() {
    }

    record Scored(Map<String, Double> metrics, double threshold) {
    }

    static Scored evaluate(ClassifierHead head, float[][] vectors, int[] y, double retention, double outOfScopeWeight) {
        int n = vectors.length;
        int oosClass = head.outOfScopeIndex();
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        boolean[] isOos = new boolean[n];
        boolean[] byClass = new boolean[n];
        double lossSum = 0;
        int lossRows = 0;
        int argmaxCorrect = 0;
        int oosRows = 0;
        for (int i = 0; i < n; i++) {
            double[] p = Vectors.softmax(head.logits(vectors[i]));
            int best = -1;
            int top = 0;
            for (int c = 0; c < p.length; c++) {
                if (p[c] > p[top]) {
                    top = c;
                }
                if (c != oosClass && (best < 0 || p[c] > p[best])) {
                    best = c;
                }
            }
            isOos[i] = y[i] < 0 || y[i] == oosClass;
            oosRows += isOos[i] ? 1 : 0;
            confidence[i] = p[best];
            correct[i] = best == y[i];
            byClass[i] = oosClass >= 0 && p[oosClass] > p[best];
            if (y[i] >= 0) {
                lossSum -= Math.log(Math.max(p[y[i]], 1e-30));
                lossRows++;
            }
            boolean decidedOos = byClass[i];
            argmaxCorrect += isOos[i] ? (decidedOos ? 1 : 0) : (!decidedOos && top == y[i] ? 1 : 0);
        }
        double threshold = OutOfScopeThreshold.choose(confidence, correct, isOos, byClass, retention, outOfScopeWeight);
        int inScope = n - oosRows;
        int kept = 0;
        int caught = 0;
        for (int i = 0; i < n; i++) {
            boolean flagged = byClass[i] || confidence[i] < threshold;
            if (isOos[i]) {
                caught += flagged ? 1 : 0;
            } else if (!flagged && correct[i]) {
                kept++;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        double accuracy = n == 0 ? 0 : (double) argmaxCorrect / n;
        double inScopeAccuracy = inScope == 0 ? 0 : (double) kept / inScope;
        metrics.put("eval/loss", lossRows == 0 ? Double.NaN : lossSum / lossRows);
        metrics.put("eval/accuracy", accuracy);
        metrics.put("eval/threshold", threshold);
        metrics.put("eval/in_scope_accuracy", inScopeAccuracy);
        metrics.put("eval/oos_examples", (double) oosRows);
        if (oosRows > 0) {
            double recall = (double) caught / oosRows;
            metrics.put("eval/oos_recall", recall);
        }
        if (OutOfScopeThreshold.enoughToWeigh(oosRows)) {
            metrics.put("eval/score", inScopeAccuracy + outOfScopeWeight * (double) caught / oosRows);
        } else {
            metrics.put("eval/score", accuracy);
        }
        return new Scored(metrics, threshold);
    }
}
