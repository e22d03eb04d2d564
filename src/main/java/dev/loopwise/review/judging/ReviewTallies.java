package dev.loopwise.review.judging;

import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Keeps the review figures' running sums ({@link TallySums}) in step with the judgements: whatever changes
 * an item's votes or kind reads the item before and after, in its own transaction, and writes the
 * difference — so reading the figures never means reading every judgement. Sums for judgements stored
 * before they existed are built once at start.
 */
@ApplicationScoped
public class ReviewTallies {
    private static final Logger LOG = Logger.getLogger(ReviewTallies.class);
    static final long BUILD_LOCK = 0x5265764275696c64L;
    /** Rows each day's sums are spread over, so that concurrent submits rarely wait for one another's (V32). */
    static final int DAY_STRIPES = 16;

    @Inject
    EntityManager em;
    @Inject
    ReviewConfig config;

    /** The item as the figures see it now (pending changes flushed first); call with the item's row locked. */
    public TallySums.Item read(ReviewItem item) {
        em.flush();
        return new TallySums.Item(item.kind, item.goldChoice, votes(item.id));
    }

    /** Writes what changed between the two states of one item, in the caller's transaction. */
    public void record(TallySums.Item before, TallySums.Item after) {
        write(TallySums.change(before, after));
    }

    /**
     * Recomputes the reviewer's median time per item: the upper median of their newest {@code medianWindow} non-skip
     * durations (of 1, 2, 3 and 4 s: 3 s), read from an index; in the caller's transaction, after the judgement that
     * changed it was flushed.
     */
    void refreshMedian(long reviewerId) {
        em.createNativeQuery("update review_reviewer_tallies t set median_duration_ms = (" + median("?2") + ") where t.reviewer_id = ?1")
                .setParameter(1, reviewerId).setParameter(2, config.medianWindow()).executeUpdate();
    }

    /** The upper median of row {@code t}'s reviewer's newest non-skip durations, as many as the parameter says. */
    private static String median(String windowParameter) {
        return """
                select percentile_disc(0.5) within group (order by w.duration_ms desc) from (select duration_ms from judgements j
                where j.reviewer_id = t.reviewer_id and j.choice <> 'skip' order by j.created_at desc limit %s) w""".formatted(windowParameter);
    }

    private void write(TallySums delta) {
        int stripe = ThreadLocalRandom.current().nextInt(DAY_STRIPES);
        delta.reviewers.forEach((id, f) -> em.createNativeQuery("""
                insert into review_reviewer_tallies as t (reviewer_id, judgements, skips, overlap_votes, overlap_compared,
                    overlap_agreed_60, gold_judged, gold_correct) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (reviewer_id) do update set judgements = t.judgements + excluded.judgements, skips = t.skips + excluded.skips,
                    overlap_votes = t.overlap_votes + excluded.overlap_votes, overlap_compared = t.overlap_compared + excluded.overlap_compared,
                    overlap_agreed_60 = t.overlap_agreed_60 + excluded.overlap_agreed_60,
                    gold_judged = t.gold_judged + excluded.gold_judged, gold_correct = t.gold_correct + excluded.gold_correct""")
                .setParameter(1, id).setParameter(2, f[TallySums.JUDGEMENTS]).setParameter(3, f[TallySums.SKIPS])
                .setParameter(4, f[TallySums.OVERLAP_VOTES]).setParameter(5, f[TallySums.COMPARED]).setParameter(6, f[TallySums.AGREED_60])
                .setParameter(7, f[TallySums.GOLD_JUDGED]).setParameter(8, f[TallySums.GOLD_CORRECT]).executeUpdate());
        delta.days.forEach((day, f) -> em.createNativeQuery("""
                insert into review_agreement_days as d (day, stripe, overlap_votes, units) values (?1, ?4, ?2, ?3)
                on conflict (day, stripe) do update set overlap_votes = d.overlap_votes + excluded.overlap_votes, units = d.units + excluded.units""")
                .setParameter(1, day).setParameter(2, f[0]).setParameter(3, f[1]).setParameter(4, stripe).executeUpdate());
        delta.marginals().forEach(row -> em.createNativeQuery("""
                insert into review_coincidences as o (day, value_c, stripe, weight, off_diagonal) values (?1, ?2, ?5, ?3, ?4)
                on conflict (day, value_c, stripe) do update set weight = o.weight + excluded.weight, off_diagonal = o.off_diagonal + excluded.off_diagonal""")
                .setParameter(1, row.day()).setParameter(2, row.value()).setParameter(3, row.weight()).setParameter(4, row.offDiagonal())
                .setParameter(5, stripe).executeUpdate());
        delta.pairs.forEach((pair, n) -> em.createNativeQuery("""
                insert into review_pair_tallies as p (reviewer_a, reviewer_b, choice_a, choice_b, items) values (?1, ?2, ?3, ?4, ?5)
                on conflict (reviewer_a, reviewer_b, choice_a, choice_b) do update set items = p.items + excluded.items""")
                .setParameter(1, pair.reviewerA()).setParameter(2, pair.reviewerB()).setParameter(3, pair.choiceA())
                .setParameter(4, pair.choiceB()).setParameter(5, n).executeUpdate());
    }

    void onStart(@Observes StartupEvent event) {
        if (!built()) {
            rebuild();
        }
    }

    private boolean built() {
        return QuarkusTransaction.requiringNew().call(() ->
                !em.createNativeQuery("select 1 from review_tallies_built").getResultList().isEmpty());
    }

    /**
     * Builds every sum from the stored judgements, item by item, replacing what was there. Judgements cannot
     * change meanwhile (the table is locked against writes), and one instance builds while the others wait.
     */
    public void rebuild() {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            AdvisoryLock.forTransaction(em, BUILD_LOCK);
            em.createNativeQuery("lock table judgements, review_items in share mode").executeUpdate();
            em.createNativeQuery("delete from review_reviewer_tallies").executeUpdate();
            em.createNativeQuery("delete from review_agreement_days").executeUpdate();
            em.createNativeQuery("delete from review_coincidences").executeUpdate();
            em.createNativeQuery("delete from review_pair_tallies").executeUpdate();
            TallySums total = new TallySums();
            long items = 0;
            long after = 0;
            while (true) {
                List<Object[]> rows = rowsAfter(after);
                if (rows.isEmpty()) {
                    break;
                }
                int i = 0;
                while (i < rows.size()) {
                    long itemId = ((Number) rows.get(i)[0]).longValue();
                    String kind = (String) rows.get(i)[1];
                    String gold = (String) rows.get(i)[2];
                    List<TallySums.Vote> votes = new ArrayList<>();
                    for (; i < rows.size() && ((Number) rows.get(i)[0]).longValue() == itemId; i++) {
                        Object[] r = rows.get(i);
                        votes.add(new TallySums.Vote(((Number) r[3]).longValue(), (String) r[4], LocalDate.parse((String) r[5])));
                    }
                    total.add(TallySums.of(new TallySums.Item(kind, gold, votes)), 1);
                    items++;
                    after = itemId;
                }
            }
            write(total);
            em.createNativeQuery("update review_reviewer_tallies t set median_duration_ms = (" + median("?1") + ")")
                    .setParameter(1, config.medianWindow()).executeUpdate();
            em.createNativeQuery("insert into review_tallies_built (id) values (1) on conflict (id) do update set built_at = now()")
                    .executeUpdate();
            LOG.infof("Review figures built from the judgements of %d items", items);
        });
    }

    /** The votes of the next items after {@code after}, whole items only (a batch ends on an item boundary). */
    @SuppressWarnings("unchecked")
    private List<Object[]> rowsAfter(long after) {
        return em.createNativeQuery("""
                select j.item_id, i.kind, i.gold_choice, j.reviewer_id, j.choice, to_char(j.created_at at time zone 'UTC', 'YYYY-MM-DD')
                from judgements j join review_items i on i.id = j.item_id
                where j.item_id in (select distinct item_id from judgements where item_id > ?1 order by item_id limit 20000)
                order by j.item_id, j.id""").setParameter(1, after).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<TallySums.Vote> votes(long itemId) {
        List<Object[]> rows = em.createNativeQuery(
                "select reviewer_id, choice, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') from judgements where item_id = ?1 order by id")
                .setParameter(1, itemId).getResultList();
        return rows.stream().map(r -> new TallySums.Vote(((Number) r[0]).longValue(), (String) r[1], LocalDate.parse((String) r[2]))).toList();
    }
}
