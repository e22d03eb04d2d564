package dev.loopwise.review.judging;

import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.review.item.ReviewConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Folds the per-day agreement sums of days long before the chart's window into one row per value, dated
 * {@link #ROLLED_UP}: the chart reads every day before its window as one sum, so without this that sum would read a
 * row per day of history and grow with it. Sums are what the chart needs of those days, and sums add, so the
 * chart is the same before and after. Today's rows, which judgements still change, are never touched.
 */
@ApplicationScoped
public class TallyRollup {
    /** The date old days are folded into: before any real day. */
    static final LocalDate ROLLED_UP = LocalDate.of(1, 1, 1);
    /** Days kept as they are beyond the chart's window, so a window that moves on finds its days still there. */
    static final int MARGIN_DAYS = 30;

    @Inject
    ReviewConfig config;
    @Inject
    EntityManager em;

    @Scheduled(identity = "review-tally-rollup", every = "6h", delay = 5, delayUnit = TimeUnit.MINUTES,
            skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        rollUp();
    }

    /** Folds every day older than the window and its margin; returns how many rolled-up value rows it wrote (0: nothing old). */
    public int rollUp() {
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(config.chartDays() + (long) MARGIN_DAYS);
        return QuarkusTransaction.requiringNew().call(() -> {
            int coincidences = em.createNativeQuery("""
                    with old as (delete from review_coincidences where day < ?1 and day > ?2
                                 returning value_c, weight, off_diagonal)
                    insert into review_coincidences as c (day, value_c, weight, off_diagonal)
                    select ?2, value_c, sum(weight), sum(off_diagonal) from old group by value_c
                    on conflict (day, value_c, stripe) do update
                        set weight = c.weight + excluded.weight, off_diagonal = c.off_diagonal + excluded.off_diagonal""")
                    .setParameter(1, cutoff).setParameter(2, ROLLED_UP).executeUpdate();
            em.createNativeQuery("""
                    with old as (delete from review_agreement_days where day < ?1 and day > ?2 returning overlap_votes, units)
                    insert into review_agreement_days as d (day, overlap_votes, units)
                    select ?2, sum(overlap_votes), sum(units) from old having count(*) > 0
                    on conflict (day, stripe) do update
                        set overlap_votes = d.overlap_votes + excluded.overlap_votes, units = d.units + excluded.units""")
                    .setParameter(1, cutoff).setParameter(2, ROLLED_UP).executeUpdate();
            return coincidences;
        });
    }
}
