package dev.loopwise.model.intent;

import java.util.Arrays;

/** Sentence vectors with their class indices (into a label list held elsewhere). */
public record LabelledVectors(float[][] vectors, int[] labels) {
    public LabelledVectors {
        if (vectors.length != labels.length) {
            throw new IllegalArgumentException(vectors.length + " vectors but " + labels.length + " labels");
        }
    }

    public int size() {
        return vectors.length;
    }

    /** Rows of class {@code label}; 0 for a negative (absent) label. */
    public int count(int label) {
        int n = 0;
        for (int l : labels) {
            n += l == label && label >= 0 ? 1 : 0;
        }
        return n;
    }

    public int dimension() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }

    public LabelledVectors subset(int[] rows) {
        float[][] v = new float[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = vectors[rows[i]];
            y[i] = labels[rows[i]];
        }
        return new LabelledVectors(v, y);
    }

    public int[] counts(int classes) {
        int[] counts = new int[classes];
        Arrays.stream(labels).forEach(label -> counts[label]++);
        return counts;
    }
}
