package dev.loopwise.model.transformer.tuning;

import java.util.List;

/**
 * The intent head a fine-tune produces, as plain arrays: p(label | x) = softmax(W·x + b) on the tuned
 * encoder's unit vectors; a request is out of scope when the out-of-scope class (if trained) wins or the
 * best in-scope probability is below {@code threshold}. The same decision rule as the product's
 * intent head, which {@code IntentHead.of} builds from it.
 */
public record ClassifierHead(List<String> labels, float[][] weights, float[] bias, double threshold,
                             String outOfScopeLabel) {
    public ClassifierHead {
        labels = List.copyOf(labels);
        if (weights.length != labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("The head needs one weight row and one bias per label");
        }
    }

    public ClassifierHead withThreshold(double value) {
        return new ClassifierHead(labels, weights, bias, value, outOfScopeLabel);
    }

    public int outOfScopeIndex() {
        return outOfScopeLabel == null ? -1 : labels.indexOf(outOfScopeLabel);
    }

    public double[] logits(float[] x) {
        double[] logits = new double[labels.size()];
        for (int c = 0; c < logits.length; c++) {
            double sum = bias[c];
            float[] w = weights[c];
            for (int d = 0; d < w.length; d++) {
                sum += (double) w[d] * x[d];
            }
            logits[c] = sum;
        }
        return logits;
    }
}
