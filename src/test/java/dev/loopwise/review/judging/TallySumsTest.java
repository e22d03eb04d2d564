package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.review.FromScratchFigures;
import dev.loopwise.review.item.ReviewItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Running sums kept change by change — votes, undos, items made gold, over many days — give the same
 * figures as computing them from every judgement at once, on seeded random histories.
 */
class TallySumsTest {
    private static final String[] CHOICES = {"1", "2", "tie", "both_bad", "out_of_scope", "skip"};

    private static final class Item {
        String kind;
        String gold;
        final List<long[]> votes = new ArrayList<>(); // {vote id, reviewer, choice index, day offset}

        TallySums.Item state(LocalDate start) {
            return new TallySums.Item(kind, gold, votes.stream().map(v -> new TallySums.Vote(v[1], CHOICES[(int) v[2]],
                    start.plusDays(v[3]))).toList());
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 6", "2, 3", "3, 2", "4, 5", "5, 2"})
    void runningSumsEqualTheFiguresFromScratch(long seed, int reviewers) {
        Random random = new Random(seed);
        LocalDate start = LocalDate.of(2026, 3, 1);
        Map<Long, Item> items = new LinkedHashMap<>();
        for (long id = 1; id <= 60; id++) {
            Item item = new Item();
            double kind = random.nextDouble();
            item.kind = kind < 0.6 ? ReviewItem.OVERLAP : kind < 0.85 ? ReviewItem.REGULAR : ReviewItem.GOLD;
            item.gold = item.kind.equals(ReviewItem.GOLD) ? CHOICES[random.nextInt(4)] : null;
            items.put(id, item);
        }
        TallySums running = new TallySums();
        long voteId = 0;
        int day = 0;
        for (int step = 0; step < 600; step++) {
            day += random.nextDouble() < 0.05 ? 1 + random.nextInt(3) : 0;
            Item item = items.get(1L + random.nextInt(items.size()));
            TallySums.Item before = item.state(start);
            double event = random.nextDouble();
            if (event < 0.08 && !item.votes.isEmpty()) {
                item.votes.remove(random.nextInt(item.votes.size())); // an undo
            } else if (event < 0.1) {
                item.kind = ReviewItem.GOLD; // an admin fixes its answer
                item.gold = CHOICES[random.nextInt(4)];
            } else {
                long reviewer = 100 + random.nextInt(reviewers);
                if (item.votes.stream().anyMatch(v -> v[1] == reviewer)) {
                    continue;
                }
                item.votes.add(new long[] {++voteId, reviewer, random.nextInt(CHOICES.length), day});
            }
            running.add(TallySums.change(before, item.state(start)), 1);
        }

        List<FromScratchFigures.Vote> all = new ArrayList<>();
        items.forEach((id, item) -> item.votes.forEach(v -> all.add(new FromScratchFigures.Vote(id, v[1], CHOICES[(int) v[2]], item.kind,
                item.gold, start.plusDays(v[3])))));
        all.sort(Comparator.comparingLong(v -> idOf(items, v)));
        FromScratchFigures.Figures expected = FromScratchFigures.of(all);
        assertNotNull(expected.alpha(), "the history is rich enough to have an alpha");
        if (reviewers == 2) {
            assertNotNull(expected.kappa(), "two reviewers on overlap items have a kappa");
        }
        assertTrue(expected.overTime().size() > 5, "several days");

        expected.reviewers().forEach((id, r) -> {
            long[] sums = running.reviewers.get(id);
            assertEquals(r.judgements(), sums[TallySums.JUDGEMENTS], "judgements of " + id);
            assertEquals(r.skips(), sums[TallySums.SKIPS], "skips of " + id);
            assertEquals(r.comparison().compared(), sums[TallySums.COMPARED], "compared of " + id);
            assertEquals(r.comparison().agreed(), sums[TallySums.AGREED_60] / 60.0, 1e-12, "agreed of " + id);
            assertEquals(r.goldJudged(), sums[TallySums.GOLD_JUDGED], "gold of " + id);
            assertEquals(r.goldCorrect(), sums[TallySums.GOLD_CORRECT], "gold correct of " + id);
        });
        running.reviewers.forEach((id, sums) -> {
            if (!expected.reviewers().containsKey(id)) {
                assertEquals(0, Arrays.stream(sums).map(Math::abs).sum(), "a reviewer without votes has nothing: " + id);
            }
        });
        AlphaSeries series = running.series();
        assertClose(expected.alpha(), series.alpha(), "alpha");
        assertEquals(expected.overlapUnits(), series.units());
        assertClose(expected.kappa(), running.kappa(), "kappa");
        List<ReviewStats.AlphaPoint> overTime = series.points();
        assertEquals(expected.overTime().stream().map(ReviewStats.AlphaPoint::day).toList(),
                overTime.stream().map(ReviewStats.AlphaPoint::day).toList());
        for (int i = 0; i < overTime.size(); i++) {
            assertEquals(expected.overTime().get(i).units(), overTime.get(i).units(), "units on " + overTime.get(i).day());
            assertClose(expected.overTime().get(i).alpha(), overTime.get(i).alpha(), "alpha on " + overTime.get(i).day());
        }

        // The chart's window: the days before it summed into one day without votes give the same later points.
        LocalDate cut = LocalDate.parse(overTime.get(overTime.size() / 2).day());
        Map<LocalDate, long[]> windowDays = new TreeMap<>();
        long[] earlier = {0, 0};
        running.days.forEach((d, f) -> {
            if (d.isBefore(cut)) {
                earlier[1] += f[1];
            } else {
                windowDays.put(d, f);
            }
        });
        windowDays.put(cut.minusDays(1), earlier);
        Map<String, double[]> summed = new TreeMap<>();
        List<AlphaSeries.Marginal> windowRows = new ArrayList<>();
        for (AlphaSeries.Marginal m : running.marginals()) {
            if (m.day().isBefore(cut)) {
                double[] sum = summed.computeIfAbsent(m.value(), v -> new double[2]);
                sum[0] += m.weight();
                sum[1] += m.offDiagonal();
            } else {
                windowRows.add(m);
            }
        }
        summed.forEach((v, sum) -> windowRows.add(0, new AlphaSeries.Marginal(cut.minusDays(1), v, sum[0], sum[1])));
        List<ReviewStats.AlphaPoint> windowed = AlphaSeries.of(windowDays, windowRows).points();
        List<ReviewStats.AlphaPoint> later = overTime.stream().filter(p -> !LocalDate.parse(p.day()).isBefore(cut)).toList();
        assertEquals(later.size(), windowed.size());
        for (int i = 0; i < later.size(); i++) {
            assertEquals(later.get(i).units(), windowed.get(i).units());
            assertClose(later.get(i).alpha(), windowed.get(i).alpha(), "windowed alpha on " + later.get(i).day());
        }

        // Built at once from the final state (as at start, for judgements stored before the sums existed): the same.
        TallySums built = new TallySums();
        items.values().forEach(item -> built.add(TallySums.of(item.state(start)), 1));
        assertClose(series.alpha(), built.series().alpha(), "alpha built at once");
        assertEquals(series.points().size(), built.series().points().size());
    }

    private static long idOf(Map<Long, Item> items, FromScratchFigures.Vote vote) {
        return items.get(vote.itemId()).votes.stream().filter(v -> v[1] == vote.reviewerId()).findFirst().orElseThrow()[0];
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertEquals(expected, actual, 1e-9, what);
        }
    }
}
