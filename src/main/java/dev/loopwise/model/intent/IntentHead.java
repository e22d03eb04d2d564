package dev.loopwise.model.intent;

import dev.loopwise.model.Vectors;
import dev.loopwise.model.transformer.tuning.ClassifierHead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The intent classifier on top of the encoder: p(intent | x) = softmax(W·E(x) + b). The regimes
 * differ only in where W comes from — intent descriptions (zero-shot), class prototypes (few-shot),
 * training (full), or training together with the encoder E itself (finetune). A request is out of scope when the out-of-scope class wins, or when the best
 * in-scope probability is below {@code threshold} (chosen on held-out data).
 */
public record IntentHead(String regime, List<String> labels, float[][] weights, float[] bias, double threshold,
                         String outOfScopeLabel) {
    public static final String ZERO_SHOT = "zero_shot";
    public static final String FEW_SHOT = "few_shot";
    public static final String TRAINED = "trained";
    /** A head trained together with the encoder's top layers; it reads the fine-tuned encoder's vectors. */
    public static final String FINETUNE = "finetune";

    /** The head a fine-tune trained with the encoder, under the given regime name. */
    public static IntentHead of(ClassifierHead head, String regime) {
        return new IntentHead(regime, head.labels(), head.weights(), head.bias(), head.threshold(), head.outOfScopeLabel());
    }

    /** The same head under other names for its classes, in the same order (an intent renamed since it was trained). */
    public IntentHead withLabels(List<String> newLabels) {
        if (newLabels.size() != labels.size()) {
            throw new IllegalArgumentException("A head of " + labels.size() + " classes takes as many names, not " + newLabels.size());
        }
        return new IntentHead(regime, List.copyOf(newLabels), weights, bias, threshold, outOfScopeLabel);
    }

    public IntentHead withThreshold(double newThreshold) {
        return new IntentHead(regime, labels, weights, bias, newThreshold, outOfScopeLabel);
    }

    public double[] probabilities(float[] x) {
        double[] logits = new double[labels.size()];
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Vectors.dot(weights[c], x) + bias[c];
        }
        return Vectors.softmax(logits);
    }

    /** Index of the out-of-scope class, or -1 when it was not trained as a class. */
    public int outOfScopeIndex() {
        return outOfScopeLabel == null ? -1 : labels.indexOf(outOfScopeLabel);
    }

    public IntentPrediction predict(float[] x) {
        double[] p = probabilities(x);
        int oos = outOfScopeIndex();
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            if (c != oos && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        boolean oosWins = oos >= 0 && p[oos] > p[best];
        List<IntentPrediction.Scored> top = new ArrayList<>();
        for (int c = 0; c < p.length; c++) {
            if (c != oos) {
                top.add(new IntentPrediction.Scored(labels.get(c), p[c]));
            }
        }
        top.sort(Comparator.comparingDouble(IntentPrediction.Scored::p).reversed());
        return new IntentPrediction(labels.get(best), p[best], oosWins || p[best] < threshold,
                List.copyOf(top.subList(0, Math.min(5, top.size()))));
    }
}
