package dev.loopwise.model.registry.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Distinct texts to embed in one call, each remembered by its row, so a text used twice is encoded once. */
final class TextTable {
    final List<String> list = new ArrayList<>();
    private final Map<String, Integer> rows = new LinkedHashMap<>();

    int add(String text) {
        return rows.computeIfAbsent(text, t -> {
            list.add(t);
            return list.size() - 1;
        });
    }

    int row(String text) {
        return rows.get(text);
    }

    /** The vectors of the given rows, in their order. */
    static float[][] pick(float[][] vectors, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = vectors[rows[i]];
        }
        return out;
    }
}
