package dev.loopwise.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

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

    /**
     * As {@link #holdOut(int[], int, double, long)}, with rows of equal {@code keys} (a text and its look-alikes, or
     * identical vectors) kept on one side: a held-out row whose key a kept row also has is kept instead, since a model
     * checked on it would be checked on what it learned. Without such rows the split is the plain one.
     *
     * @return {kept, heldOut, moved}: the last holds one number, how many held-out rows were kept for that reason
     */
    public static int[][] holdOut(int[] labels, int classes, double share, long seed, List<?> keys) {
        int[][] plain = holdOut(labels, classes, share, seed);
        Set<Object> learned = new HashSet<>();
        for (int row : plain[0]) {
            learned.add(keys.get(row));
        }
        List<Integer> kept = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int row : plain[0]) {
            kept.add(row);
        }
        for (int row : plain[1]) {
            (learned.contains(keys.get(row)) ? kept : held).add(row);
        }
        return new int[][] {toSortedArray(kept), toSortedArray(held), {plain[1].length - held.size()}};
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
