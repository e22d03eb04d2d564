package dev.loopwise.model.transformer.crossencoder;

import dev.loopwise.ticket.HeldOutRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Judgements as a reward model learns them: a ticket, two replies and the verdict — {@link #PREFERENCE} (the
 * first is preferred, by {@code margin} ≥ 0 from star ratings), {@link #TIE} or {@link #BOTH_BAD} — with the
 * reviewer's reliability as {@code weight}. The kind codes are those of the product's Bradley–Terry loss.
 */
public record RewardPairs(List<String> tickets, List<String> first, List<String> second, int[] kinds, float[] margins,
                          float[] weights) {
    public static final int PREFERENCE = 0;
    public static final int TIE = 1;
    public static final int BOTH_BAD = 2;

    public RewardPairs {
        tickets = List.copyOf(tickets);
        first = List.copyOf(first);
        second = List.copyOf(second);
        kinds = kinds.clone();
        margins = margins.clone();
        weights = weights.clone();
        int n = tickets.size();
        if (first.size() != n || second.size() != n || kinds.length != n || margins.length != n || weights.length != n) {
            throw new IllegalArgumentException("Every judgement needs a ticket, two replies, a kind, a margin and a weight");
        }
        for (int i = 0; i < n; i++) {
            if (kinds[i] < PREFERENCE || kinds[i] > BOTH_BAD) {
                throw new IllegalArgumentException("Judgement " + i + " has kind " + kinds[i] + ", not 0, 1 or 2");
            }
            if (!(margins[i] >= 0) || !(weights[i] >= 0) || !Float.isFinite(margins[i]) || !Float.isFinite(weights[i])) {
                throw new IllegalArgumentException("Judgement " + i + " needs a finite margin and weight ≥ 0");
            }
        }
    }

    public int size() {
        return tickets.size();
    }

    /** Judgements that say which reply is better (what pairwise accuracy is measured on). */
    public int preferences() {
        return (int) Arrays.stream(kinds).filter(k -> k == PREFERENCE).count();
    }

    public RewardPairs select(int[] rows) {
        List<String> t = new ArrayList<>();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        int[] k = new int[rows.length];
        float[] m = new float[rows.length];
        float[] w = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            t.add(tickets.get(r));
            a.add(first.get(r));
            b.add(second.get(r));
            k[i] = kinds[r];
            m[i] = margins[r];
            w[i] = weights[r];
        }
        return new RewardPairs(t, a, b, k, m, w);
    }

    /**
     * {train, held out}: about {@code share} of the judgements held out, whole tickets at a time (seeded), so that
     * no held-out ticket was seen in training — the accuracy then says how the model does on new tickets. A ticket and
     * its look-alike ("Refund please", "refund  please") are one ticket here, as held-out checks compare them.
     */
    public RewardPairs[] splitByTicket(double share, long seed) {
        Map<String, List<Integer>> byTicket = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            byTicket.computeIfAbsent(HeldOutRows.key(tickets.get(i)), t -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byTicket.values());
        Collections.shuffle(groups, new Random(seed));
        List<Integer> held = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        int target = (int) Math.round(size() * share);
        for (List<Integer> group : groups) {
            (held.size() < target ? held : kept).addAll(group);
        }
        return new RewardPairs[] {select(sorted(kept)), select(sorted(held))};
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
