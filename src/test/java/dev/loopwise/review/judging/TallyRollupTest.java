package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.review.item.ReviewConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days long before the chart's window fold into one row per value, and the chart reads the same after as before. */
@QuarkusTest
class TallyRollupTest {
    @Inject
    TallyRollup rollup;
    @Inject
    ReviewStats stats;
    @Inject
    ReviewTallies tallies;
    @Inject
    EntityManager em;
    @Inject
    ReviewConfig config;

    @Test
    void oldDaysFoldWithoutChangingTheChart() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            // A year of history before the window: two values a day, some of it off the diagonal.
            QuarkusTransaction.requiringNew().run(() -> {
                for (int back = 200; back < 565; back++) {
                    LocalDate day = today.minusDays(back);
                    em.createNativeQuery("insert into review_coincidences (day, value_c, weight, off_diagonal) values (?1, '1', 2, ?2), (?1, '2', 2, 1)"
                            + " on conflict do nothing").setParameter(1, day).setParameter(2, back % 3 == 0 ? 1.0 : 0.0).executeUpdate();
                    em.createNativeQuery("insert into review_agreement_days (day, overlap_votes, units) values (?1, 4, 2) on conflict do nothing")
                            .setParameter(1, day).executeUpdate();
                }
            });
            List<ReviewStats.AlphaPoint> before = stats.alphaOverTime();
            assertTrue(old("review_coincidences") >= 730 && old("review_agreement_days") >= 365);

            assertEquals(2, rollup.rollUp(), "one rolled-up row for each of the two values");
            assertEquals(0, old("review_coincidences"), "no day before the cut-off is left but the rolled-up one");
            assertEquals(0, old("review_agreement_days"));
            assertEquals(before, stats.alphaOverTime(), "the chart is the same");
            assertEquals(0, rollup.rollUp(), "nothing left to fold");
        } finally {
            tallies.rebuild(); // back to what the judgements say
        }
    }

    /** Rows of days before the roll-up's cut-off, other than the rolled-up day itself. */
    private long old(String table) {
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(config.chartDays() + (long) TallyRollup.MARGIN_DAYS);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + table + " where day < ?1 and day > ?2").setParameter(1, cutoff)
                .setParameter(2, TallyRollup.ROLLED_UP).getSingleResult()).longValue());
    }
}
