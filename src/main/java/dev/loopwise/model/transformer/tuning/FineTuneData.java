package dev.loopwise.model.transformer.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Labelled texts to fine-tune on: the label list, training texts with their label indices, optional
 * validation rows (they choose the best epoch and the out-of-scope threshold; without them a stratified
 * share of the training rows is held out for that), and the name of the out-of-scope label, if any.
 */
public record FineTuneData(List<String> labels, List<String> texts, int[] y, List<String> validationTexts,
                           int[] validationY, String outOfScopeLabel) {
    public FineTuneData {
        labels = List.copyOf(labels);
        texts = List.copyOf(texts);
        validationTexts = List.copyOf(validationTexts);
        y = y.clone();
        validationY = validationY.clone();
        if (texts.size() != y.length || validationTexts.size() != validationY.length) {
            throw new IllegalArgumentException("Every text needs exactly one label");
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("Fine-tuning needs labelled training texts");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("Fine-tuning a classifier needs at least two labels, not " + labels.size());
        }
        for (int label : y) {
            checkIndex(label, labels.size());
        }
        for (int label : validationY) {
            checkIndex(label, labels.size());
        }
        if (outOfScopeLabel != null && !labels.contains(outOfScopeLabel)) {
            outOfScopeLabel = null;
        }
    }

    private static void checkIndex(int label, int size) {
        if (label < 0 || label >= size) {
            throw new IllegalArgumentException("Label index " + label + " is not one of the " + size + " labels");
        }
    }

    /**
     * From texts and label names: the label list is the sorted set of training labels; validation rows with a
     * label the training rows do not have are dropped (as {@code eval-intents} does).
     */
    public static FineTuneData of(List<String> texts, List<String> labelNames, List<String> validationTexts,
                                  List<String> validationLabelNames, String outOfScopeLabel) {
        List<String> labels = new ArrayList<>(new TreeSet<>(labelNames));
        int[] y = labelNames.stream().mapToInt(labels::indexOf).toArray();
        List<String> keptTexts = new ArrayList<>();
        List<Integer> keptY = new ArrayList<>();
        for (int i = 0; i < validationTexts.size(); i++) {
            int label = labels.indexOf(validationLabelNames.get(i));
            if (label >= 0) {
                keptTexts.add(validationTexts.get(i));
                keptY.add(label);
            }
        }
        return new FineTuneData(labels, texts, y, keptTexts, keptY.stream().mapToInt(Integer::intValue).toArray(),
                outOfScopeLabel);
    }

    public int outOfScopeIndex() {
        return outOfScopeLabel == null ? -1 : labels.indexOf(outOfScopeLabel);
    }

    /** Training rows of the label with the fewest. */
    public int fewestPerLabel() {
        int[] counts = new int[labels.size()];
        for (int label : y) {
            counts[label]++;
        }
        int fewest = Integer.MAX_VALUE;
        for (int c = 0; c < counts.length; c++) {
            if (c != outOfScopeIndex()) {
                fewest = Math.min(fewest, counts[c]);
            }
        }
        return fewest;
    }
}
