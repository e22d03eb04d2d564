package dev.loopwise.review.judging;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * How far Krippendorff's alpha could be from its estimate on the items it rests on: a percentile bootstrap over the overlap
 * items, seeded so the same judgements always give the same interval. Items are drawn by their pattern of values (which
 * choices, how often): there are few patterns, so a draw costs the same however many items there are.
 */
public final class AlphaInterval {
    static final int DRAWS = 1000;
    static final long SEED = 42;
    /** Two-sided 90%, like the reviewers' reliability intervals: the upper end is a one-sided 95% bound. */
    static final double TAIL = 0.05;

    /** {@code alpha} on all the items, {@code low} and {@code high} the interval's ends, {@code units} the items. */
    public record Interval(double alpha, double low, double high, long units) {
        /**
         * Items judged by two or more reviewers to add before an alpha this far under {@code line} could be told from it:
         * the interval narrows as one over the square root of the items. 0 when it already can; -1 when alpha is not under it.
         */
        public long moreItemsToTell(double line) {
            if (alpha >= line) {
                return -1;
            }
            if (high < line) {
                return 0;
            }
            double ratio = (high - alpha) / (line - alpha);
            return Math.max(1, (long) Math.ceil(units * ratio * ratio) - units);
        }
    }

    /** Overlap items the interval reads at most, newest first. */
    static final int NEWEST_ITEMS = 5_000;

    /**
     * Each overlap item's counted values, sorted, and how many items show them, for the newest {@code :newest} overlap items.
     * Each item's values are read through the judgements' item index, one item at a time: as a plain join the planner
     * scanned every judgement ever made to find the window's few thousand items.
     */
    static final String PATTERNS = """
            select p.pattern, count(*) from (select id from review_items where kind = 'overlap' order by id desc limit :newest) i
              cross join lateral (select string_agg(j.choice, ',' order by j.choice) pattern from judgements j
                                  where j.item_id = i.id and j.choice <> 'skip' having count(*) >= 2) p
            group by p.pattern""";

    private AlphaInterval() {
    }

    /**
     * The interval on the newest {@value #NEWEST_ITEMS} overlap items. It reads each one's values, unlike the running sums
     * alpha comes from, so it is asked only when advice hangs on it, and only on a bounded window so that the read stays the
     * same size however long the history grows; that many items already narrow the interval to a few hundredths. Grouped by
     * pattern in the database, what arrives is a few rows.
     */
    @SuppressWarnings("unchecked")
    static Interval read(EntityManager em) {
        Map<List<String>, Long> patterns = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(PATTERNS)
                .setParameter("newest", NEWEST_ITEMS).getResultList();
        rows.forEach(r -> patterns.put(List.of(((String) r[0]).split(",")), ((Number) r[1]).longValue()));
        return of(patterns);
    }

    /**
     * {@code patterns}: each overlap item's counted values, sorted, and how many items show them. Items with fewer than two
     * values pair nothing and are left out, as alpha leaves them out. Null when alpha itself is undefined (fewer than two
     * such items, or every value the same). A drawn set of items whose values are all the same has no alpha; it counts as
     * agreement of 1, so that it can only widen the interval upwards, against calling agreement low.
     */
    public static Interval of(Map<List<String>, Long> patterns) {
        List<Map<String, Map<String, Double>>> matrices = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        patterns.forEach((values, count) -> {
            if (values.size() >= 2 && count > 0) {
                matrices.add(TallySums.coincidences(values));
                counts.add(count);
            }
        });
        long units = counts.stream().mapToLong(Long::longValue).sum();
        Double alpha = alpha(matrices, counts.stream().mapToLong(Long::longValue).toArray());
        if (alpha == null) {
            return null;
        }
        double[] cumulative = new double[counts.size()];
        double sum = 0;
        for (int i = 0; i < counts.size(); i++) {
            sum += counts.get(i);
            cumulative[i] = sum;
        }
        Random random = new Random(SEED);
        double[] draws = new double[DRAWS];
        for (int d = 0; d < DRAWS; d++) {
            long[] drawn = new long[counts.size()];
            for (long u = 0; u < units; u++) {
                int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                drawn[Math.min(at < 0 ? -at - 1 : at + 1, counts.size() - 1)]++;
            }
            Double a = alpha(matrices, drawn);
            draws[d] = a == null ? 1 : a;
        }
        Arrays.sort(draws);
        return new Interval(alpha, draws[(int) Math.floor(TAIL * (DRAWS - 1))], draws[(int) Math.ceil((1 - TAIL) * (DRAWS - 1))], units);
    }

    private static Double alpha(List<Map<String, Map<String, Double>>> matrices, long[] counts) {
        Map<String, Map<String, Double>> sum = new TreeMap<>();
        long units = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            units += counts[i];
            long times = counts[i];
            matrices.get(i).forEach((c, row) -> row.forEach((k, w) -> sum.computeIfAbsent(c, x -> new TreeMap<>()).merge(k, w * times, Double::sum)));
        }
        return Agreement.krippendorffAlpha(sum, units);
    }
}
