package dev.loopwise.model.intent;

import java.util.List;

/**
 * What an intent classifier learns from: the label list, training vectors, optional validation
 * vectors, optional intent-description vectors (one per label, for zero-shot), and the name of the
 * out-of-scope label if the data has one.
 */
public record IntentTrainingData(List<String> labels, LabelledVectors train, LabelledVectors validation,
                                 float[][] descriptions, String outOfScopeLabel) {
    public int outOfScopeIndex() {
        return outOfScopeLabel == null ? -1 : labels.indexOf(outOfScopeLabel);
    }
}
