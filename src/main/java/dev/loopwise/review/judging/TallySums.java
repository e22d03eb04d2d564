package dev.loopwise.review.judging;

import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The review figures as sums of what each item contributes, so that an item whose votes or kind change
 * is subtracted as it was and added as it is: per reviewer — judgements, skips, overlap votes,
 * leave-one-out comparisons and agreements (in sixtieths), gold judged and correct; per UTC day — overlap
 * votes, the change in overlap items with two or more values, and the change in Krippendorff's
 * coincidence matrix; and overlap items with exactly two values by reviewer pair and choices (for kappa).
 * Every figure is computed from these sums exactly as from all judgements at once.
 */
public final class TallySums {
    static final int JUDGEMENTS = 0;
    static final int SKIPS = 1;
    static final int OVERLAP_VOTES = 2;
    static final int COMPARED = 3;
    static final int AGREED_60 = 4;
    public static final int GOLD_JUDGED = 5;
    public static final int GOLD_CORRECT = 6;
    static final int REVIEWER_FIELDS = 7;
    /** A choice among k tied leaders earns 1/k; 60/k is whole for every k up to the six choices there are. */
    static final long SIXTIETHS = 60;

    /** One stored vote of an item: reviewer, choice in the item's terms, UTC day. */
    public record Vote(long reviewerId, String choice, LocalDate day) {
    }

    /** An item as the figures see it: kind, gold answer (null unless gold) and votes in the order stored. */
    public record Item(String kind, String goldChoice, List<Vote> votes) {
    }

    record Cell(LocalDate day, String c, String k) implements Comparable<Cell> {
        private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::day).thenComparing(Cell::c).thenComparing(Cell::k);

        @Override
        public int compareTo(Cell other) {
            return ORDER.compare(this, other);
        }
    }

    record Pair(long reviewerA, long reviewerB, String choiceA, String choiceB) implements Comparable<Pair> {
        private static final Comparator<Pair> ORDER = Comparator.comparingLong(Pair::reviewerA).thenComparingLong(Pair::reviewerB)
                .thenComparing(Pair::choiceA).thenComparing(Pair::choiceB);

        @Override
        public int compareTo(Pair other) {
            return ORDER.compare(this, other);
        }
    }

    // Sorted maps: rows are written in key order, so concurrent writers lock them in the same order.
    public final Map<Long, long[]> reviewers = new TreeMap<>();
    /** Per day: {overlap votes, change in units with two or more values}. */
    final Map<LocalDate, long[]> days = new TreeMap<>();
    final Map<Cell, Double> coincidences = new TreeMap<>();
    final Map<Pair, Long> pairs = new TreeMap<>();

    /** What one item contributes. */
    public static TallySums of(Item item) {
        TallySums sums = new TallySums();
        boolean overlap = item.kind().equals(ReviewItem.OVERLAP);
        List<Vote> counted = new ArrayList<>();
        for (Vote vote : item.votes()) {
            boolean skip = vote.choice().equals(Judgement.SKIP);
            long[] own = sums.reviewer(vote.reviewerId());
            own[skip ? SKIPS : JUDGEMENTS]++;
            if (overlap) {
                sums.day(vote.day())[0]++;
            }
            if (skip) {
                continue;
            }
            counted.add(vote);
            if (item.goldChoice() != null) {
                own[GOLD_JUDGED]++;
                own[GOLD_CORRECT] += item.goldChoice().equals(vote.choice()) ? 1 : 0;
            }
        }
        if (overlap) {
            sums.overlap(counted);
        }
        return sums;
    }

    private void overlap(List<Vote> counted) {
        for (Vote vote : counted) {
            long[] own = reviewer(vote.reviewerId());
            own[OVERLAP_VOTES]++;
            List<String> others = counted.stream().filter(v -> v.reviewerId() != vote.reviewerId()).map(Vote::choice).toList();
            if (others.isEmpty()) {
                continue;
            }
            List<String> leaders = ReviewerReliability.leaders(others);
            own[COMPARED]++;
            if (leaders.contains(vote.choice())) {
                own[AGREED_60] += SIXTIETHS / leaders.size();
            }
        }
        // The item as of each day it was voted on: its change that day is what it adds to the running sums.
        Map<String, Map<String, Double>> before = Map.of();
        long unitsBefore = 0;
        for (LocalDate day : counted.stream().map(Vote::day).distinct().sorted().toList()) {
            List<String> values = counted.stream().filter(v -> !v.day().isAfter(day)).map(Vote::choice).toList();
            Map<String, Map<String, Double>> now = coincidences(values);
            long units = values.size() >= 2 ? 1 : 0;
            day(day)[1] += units - unitsBefore;
            for (var row : now.entrySet()) {
                for (var cell : row.getValue().entrySet()) {
                    double was = before.getOrDefault(row.getKey(), Map.of()).getOrDefault(cell.getKey(), 0.0);
                    coincidences.merge(new Cell(day, row.getKey(), cell.getKey()), cell.getValue() - was, Double::sum);
                }
            }
            before = now;
            unitsBefore = units;
        }
        if (counted.size() == 2) {
            Vote a = counted.get(0).reviewerId() < counted.get(1).reviewerId() ? counted.get(0) : counted.get(1);
            Vote b = a == counted.get(0) ? counted.get(1) : counted.get(0);
            pairs.merge(new Pair(a.reviewerId(), b.reviewerId(), a.choice(), b.choice()), 1L, Long::sum);
        }
    }

    /** One unit's coincidences: each ordered pair of its values adds 1/(m − 1). Empty below two values. */
    static Map<String, Map<String, Double>> coincidences(List<String> values) {
        Map<String, Map<String, Double>> o = new TreeMap<>();
        int m = values.size();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j) {
                    o.computeIfAbsent(values.get(i), c -> new TreeMap<>()).merge(values.get(j), 1.0 / (m - 1), Double::sum);
                }
            }
        }
        return o;
    }

    /** Adds {@code other} times {@code sign} (+1 or −1). */
    TallySums add(TallySums other, int sign) {
        other.reviewers.forEach((id, fields) -> {
            long[] own = reviewer(id);
            for (int f = 0; f < REVIEWER_FIELDS; f++) {
                own[f] += sign * fields[f];
            }
        });
        other.days.forEach((day, fields) -> {
            long[] own = day(day);
            own[0] += sign * fields[0];
            own[1] += sign * fields[1];
        });
        other.coincidences.forEach((cell, w) -> coincidences.merge(cell, sign * w, Double::sum));
        other.pairs.forEach((pair, n) -> pairs.merge(pair, sign * n, Long::sum));
        return this;
    }

    /** What changes when an item goes from {@code before} to {@code after}; entries that do not change are left out. */
    static TallySums change(Item before, Item after) {
        TallySums delta = of(after).add(of(before), -1);
        delta.reviewers.values().removeIf(fields -> Arrays.stream(fields).allMatch(f -> f == 0));
        delta.days.values().removeIf(fields -> fields[0] == 0 && fields[1] == 0);
        delta.coincidences.values().removeIf(w -> Math.abs(w) < 1e-12);
        delta.pairs.values().removeIf(n -> n == 0);
        return delta;
    }

    /** The coincidence changes summed by day and row: all that alpha needs (n, the marginals, what lies off the diagonal). */
    List<AlphaSeries.Marginal> marginals() {
        Map<Cell, double[]> rows = new TreeMap<>();
        coincidences.forEach((cell, w) -> {
            double[] row = rows.computeIfAbsent(new Cell(cell.day(), cell.c(), ""), r -> new double[2]);
            row[0] += w;
            row[1] += cell.c().equals(cell.k()) ? 0 : w;
        });
        List<AlphaSeries.Marginal> marginals = new ArrayList<>();
        rows.forEach((cell, row) -> marginals.add(new AlphaSeries.Marginal(cell.day(), cell.c(), row[0], row[1])));
        return marginals;
    }

    AlphaSeries series() {
        return AlphaSeries.of(days, marginals());
    }

    /** Cohen's kappa when exactly two reviewers voted on overlap items: their items with just their two values. */
    Double kappa() {
        List<Long> raters = reviewers.entrySet().stream().filter(e -> e.getValue()[OVERLAP_VOTES] > 0).map(Map.Entry::getKey).toList();
        if (raters.size() != 2) {
            return null;
        }
        long n = 0;
        long same = 0;
        Map<String, Long> first = new TreeMap<>();
        Map<String, Long> second = new TreeMap<>();
        for (var pair : pairs.entrySet()) {
            Pair p = pair.getKey();
            if (p.reviewerA() == raters.get(0) && p.reviewerB() == raters.get(1) && pair.getValue() > 0) {
                n += pair.getValue();
                same += p.choiceA().equals(p.choiceB()) ? pair.getValue() : 0;
                first.merge(p.choiceA(), pair.getValue(), Long::sum);
                second.merge(p.choiceB(), pair.getValue(), Long::sum);
            }
        }
        return Agreement.cohensKappa(n, same, first, second);
    }

    long[] reviewer(long id) {
        return reviewers.computeIfAbsent(id, r -> new long[REVIEWER_FIELDS]);
    }

    long[] day(LocalDate day) {
        return days.computeIfAbsent(day, d -> new long[2]);
    }
}
