package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** The chart keeps its settled days between requests and reads them again once one of them is written. */
@QuarkusTest
class AgreementChartSettledDaysTest {
    @Inject
    ReviewStats stats;
    @Inject
    ReviewTallies tallies;
    @Inject
    ReviewConfig config;
    @Inject
    EntityManager em;

    @Test
    void aWrittenPastDayIsReadAgainAndTodaysWritesLeaveTheKeptDaysAlone() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate tenDaysAgo = today.minusDays(10);
        try {
            stats.alphaOverTime(); // kept now
            long before = generation();
            write(today, 2, 0);
            assertEquals(before, generation(), "judging writes today's sums and leaves the counter alone");
            List<ReviewStats.AlphaPoint> withToday = stats.alphaOverTime();
            assertEquals(fromScratch(), withToday, "today's new votes are in the chart straight away");
            assertTrue(withToday.stream().anyMatch(p -> p.day().equals(today.toString())), withToday.toString());

            write(tenDaysAgo, 4, 1); // as an undo of an older judgement, the roll-up or a rebuild writes an earlier day
            assertNotEquals(before, generation(), "a write to an earlier day moves the counter on");
            List<ReviewStats.AlphaPoint> after = stats.alphaOverTime();
            assertTrue(after.stream().anyMatch(p -> p.day().equals(tenDaysAgo.toString())), "the earlier day now has its point: " + after);
            assertEquals(fromScratch(), after, "the kept days read as a chart computed from nothing kept");
        } finally {
            tallies.rebuild(); // back to what the judgements say
        }
    }

    private void write(LocalDate day, int votes, double offDiagonal) {
        QuarkusTransaction.requiringNew().run(() -> {
            // Added to what the day holds, as a submit adds: other tests' judgements of today may be there already.
            em.createNativeQuery("insert into review_coincidences as o (day, value_c, stripe, weight, off_diagonal) values (?1, 'A', 7, ?2, ?3),"
                    + " (?1, 'B', 7, ?2, ?3) on conflict (day, value_c, stripe) do update set weight = o.weight + excluded.weight,"
                    + " off_diagonal = o.off_diagonal + excluded.off_diagonal")
                    .setParameter(1, day).setParameter(2, votes / 2.0).setParameter(3, offDiagonal).executeUpdate();
            em.createNativeQuery("insert into review_agreement_days as d (day, stripe, overlap_votes, units) values (?1, 7, ?2, 1)"
                    + " on conflict (day, stripe) do update set overlap_votes = d.overlap_votes + excluded.overlap_votes, units = d.units + 1")
                    .setParameter(1, day).setParameter(2, votes).executeUpdate();
        });
    }

    private long generation() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select generation from review_settled_days")
                .getSingleResult()).longValue());
    }

    /** The chart as an instance that kept nothing reads it. */
    private List<ReviewStats.AlphaPoint> fromScratch() {
        ReviewStats fresh = new ReviewStats();
        fresh.em = em;
        fresh.config = config;
        return QuarkusTransaction.requiringNew().call(fresh::alphaOverTime);
    }
}
