package dev.loopwise.model.intent;

import java.util.List;

/**
 * What an intent classifier learns from: the label list, training vectors, optional validation
 * vectors, optional intent-description vectors (one per label, for zero-shot), the name of the
 * out-of-scope label if the data has one, and optionally the training rows' texts, by which look-alike
 * rows are told apart when held-out rows are carved from the training ones (null: by their vectors alone).
 */
public record IntentTrainingData(List<String> labels, LabelledVectors train, LabelledVectors validation,
                                 float[][] descriptions, String outOfScopeLabel, List<String> trainTexts) {
    public IntentTrainingData {
        if (trainTexts != null && trainTexts.size() != train.size()) {
            throw new IllegalArgumentException("one text per training row: " + trainTexts.size() + " texts, " + train.size() + " rows");
        }
    }

    public IntentTrainingData(List<String> labels, LabelledVectors train, LabelledVectors validation, float[][] descriptions,
                              String outOfScopeLabel) {
        this(labels, train, validation, descriptions, outOfScopeLabel, null);
    }

    public int outOfScopeIndex() {
        return outOfScopeLabel == null ? -1 : labels.indexOf(outOfScopeLabel);
    }
}
