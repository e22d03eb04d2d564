package dev.loopwise.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded per-class splits, so every intent is represented on both sides. */
public final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /** Row indices {kept, heldOut}: about {@code share} of each class held out, never a class's only row. */
    public static int[][] holdOut(int[] labels, int classes, double share, long seed) {
        List<List<Integer>> byClass = byClass(labels, classes);
        Random random = new Random(seed);
        List<Integer> kept = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (List<Integer> rows : byClass) {
            Collections.shuffle(rows, random);
            int holdOut = rows.size() < 2 ? 0 : (int) Math.max(share > 0 ? 1 : 0, Math.round(rows.size() * share));
            held.addAll(rows.subList(0, holdOut));
            kept.addAll(rows.subList(holdOut, rows.size()));
        }
        return new int[][] {toSortedArray(kept), toSortedArray(held)};
    }

    /** At most {@code k} rows of each class, chosen at random. */
    public static int[] atMostPerClass(int[] labels, int classes, int k, long seed) {
        List<List<Integer>> byClass = byClass(labels, classes);
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> rows : byClass) {
            Collections.shuffle(rows, random);
            chosen.addAll(rows.subList(0, Math.min(k, rows.size())));
        }
        return toSortedArray(chosen);
    }

    private static List<List<Integer>> byClass(int[] labels, int classes) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        return byClass;
    }

    private static int[] toSortedArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
