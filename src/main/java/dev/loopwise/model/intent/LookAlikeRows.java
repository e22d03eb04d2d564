package dev.loopwise.model.intent;

import dev.loopwise.ticket.HeldOutRows;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Training rows the intent head would take for one: the same text, case and spacing aside, or the same vector (a cased
 * encoder reads "REFUND please" apart from "refund please", an uncased one may read texts alike that differ in more).
 */
final class LookAlikeRows {
    private LookAlikeRows() {
    }

    /**
     * A key per row, equal for rows alike by text or by vector, directly or through other rows: held out apart, one would
     * check the head on what it learned from the other.
     *
     * @param texts the rows' texts, or null to compare vectors alone
     */
    static List<Integer> keys(List<String> texts, float[][] vectors) {
        int[] parent = IntStream.range(0, vectors.length).toArray();
        Map<FloatBuffer, Integer> byVector = new HashMap<>();
        Map<String, Integer> byText = new HashMap<>();
        for (int row = 0; row < vectors.length; row++) {
            join(parent, row, byVector.putIfAbsent(FloatBuffer.wrap(vectors[row]), row));
            if (texts != null) {
                join(parent, row, byText.putIfAbsent(HeldOutRows.key(texts.get(row)), row));
            }
        }
        return IntStream.range(0, vectors.length).mapToObj(row -> root(parent, row)).toList();
    }

    private static void join(int[] parent, int row, Integer earlier) {
        if (earlier != null) {
            parent[root(parent, row)] = root(parent, earlier);
        }
    }

    private static int root(int[] parent, int row) {
        while (parent[row] != row) {
            parent[row] = parent[parent[row]];
            row = parent[row];
        }
        return row;
    }
}
