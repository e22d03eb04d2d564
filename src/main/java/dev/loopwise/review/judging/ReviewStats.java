package dev.loopwise.review.judging;

import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How trustworthy the judgements are: per reviewer — judgements, time per item, leave-one-out
 * agreement with the other reviewers on overlap items, accuracy on gold items, and the reliability weight
 * alignment rounds use ({@link ReviewerReliability}); overall — Krippendorff's alpha on overlap items, over time.
 * Read from the running sums {@link ReviewTallies} keeps, so the cost does not grow with the judgements;
 * only the median time per item is taken over a bounded window (each reviewer's newest judgements).
 */
@ApplicationScoped
public class ReviewStats {
    @Inject
    EntityManager em;
    @Inject
    ReviewConfig config;

    /**
     * The chart's sums up to {@code fresh} (exclusive), kept between requests: judging writes today's rows only, so the
     * chart reads the same few rows however many days of its window hold votes. {@code generation} is the
     * {@code review_settled_days} counter they were read at, which every write to an earlier day moves on (V44).
     */
    private record Settled(LocalDate before, LocalDate fresh, long generation, AlphaSeries.Running sums) {
    }

    private final AtomicReference<Settled> settled = new AtomicReference<>();

    /**
     * One reviewer's figures. {@code agreement} is leave-one-out agreement with the other reviewers, null
     * ("—") until the reviewer shares enough overlap items with others; {@code weight} is the weight rounds give,
     * the posterior mean reliability once enough shared or gold items back it ({@code evidenceNeeded} more until then,
     * 0.5 meanwhile), with the posterior's 90% interval ({@link ReviewerReliability}).
     */
    public record ReviewerStats(long reviewerId, String username, long judgements, long skips, Double medianSeconds,
                                int overlapCompared, Double agreement, int goldJudged, Double goldAccuracy, double weight,
                                double weightLow, double weightHigh, int evidenceNeeded) {
    }

    /**
     * {@code setAside}: items skipped by enough reviewers to leave the queue, made in the last {@link #SET_ASIDE_DAYS} days.
     * {@code alphaInterval}: how sure the alpha is, read only when it is low on enough items (advice hangs on it), else null.
     */
    public record Overall(long judgements, long openItems, Double alpha, Double kappa, int overlapUnits,
                          List<ReviewerStats> reviewers, List<AlphaPoint> alphaOverTime, long setAside, AlphaInterval.Interval alphaInterval) {
        public Overall(long judgements, long openItems, Double alpha, Double kappa, int overlapUnits, List<ReviewerStats> reviewers,
                       List<AlphaPoint> alphaOverTime, long setAside) {
            this(judgements, openItems, alpha, kappa, overlapUnits, reviewers, alphaOverTime, setAside, null);
        }
    }

    public static final int SET_ASIDE_DAYS = 30;

    public record AlphaPoint(String day, Double alpha, int units) {
    }

    /**
     * {@code shared}: this reviewer's items judged by others too; agreement shows from {@code sharedNeeded} on; {@code own}:
     * what their home page says of their own judgements.
     */
    public record Home(long waiting, long judgedToday, long judgedTotal, Double agreement, int shared, int sharedNeeded, OwnStanding own) {
    }

    /** Non-skip judgements in all and the reviewers who judged or skipped anything. */
    public record Totals(long judgements, long reviewers) {
    }

    @Transactional
    public Overall overall() {
        List<ReviewerStats> reviewers = reviewers();
        AlphaSeries agreements = agreements();
        return new Overall(reviewers.stream().mapToLong(ReviewerStats::judgements).sum(), ReviewItem.countOpen(), agreements.alpha(),
                kappa(), (int) agreements.units(), reviewers, agreements.points(), ReviewItem.countSetAside(SET_ASIDE_DAYS),
                alphaInterval(agreements));
    }

    /** Read only when the "reviewers disagree" advice hangs on it: a low alpha on enough items ({@link AlphaInterval#read}). */
    private AlphaInterval.Interval alphaInterval(AlphaSeries agreements) {
        boolean low = agreements.alpha() != null && agreements.alpha() < ReviewNextStep.LOW_AGREEMENT
                && agreements.units() >= ReviewNextStep.AGREEMENT_EVIDENCE;
        return low ? AlphaInterval.read(em) : null;
    }

    /**
     * The agreement chart's points, one per day with overlap votes in the last {@code LOOPWISE_REVIEW_CHART_DAYS}:
     * alpha over all overlap items judged up to that day (earlier days included).
     */
    @Transactional
    public List<AlphaPoint> alphaOverTime() {
        return agreements().points();
    }

    /** The reviewers Review quality marks "very fast", by name, without its agreement figures: Overview warns of them too. */
    @Transactional
    public List<String> tooFast() {
        return ReviewNextStep.tooFast(reviewers());
    }

    /** Reliability weights by reviewer id, for alignment rounds (reviewers without enough evidence weigh 0.5). */
    @Transactional
    public Map<Long, Double> weights() {
        Map<Long, Double> weights = new HashMap<>();
        reviewers().forEach(r -> weights.put(r.reviewerId(), r.weight()));
        return weights;
    }

    @Transactional
    public Totals totals() {
        Object[] row = (Object[]) em.createNativeQuery(
                "select coalesce(sum(judgements), 0), count(*) filter (where judgements + skips > 0) from review_reviewer_tallies")
                .getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The judging page's counters, cheap enough to send with every item (no agreement figures). */
    public record Counters(long waiting, long judgedToday, long judgedTotal) {
    }

    @Transactional
    public Home home(long reviewerId) {
        Counters counters = counters(reviewerId);
        OwnStanding own = OwnStanding.read(em, reviewerId, config.minSharedItems());
        return new Home(counters.waiting(), counters.judgedToday(), counters.judgedTotal(), own.agreement(), own.shared(),
                config.minSharedItems(), own);
    }

    /**
     * What waits for this reviewer — open items they have not judged with room for them, the one leased to
     * them (on screen) included, gold check items too (each reviewer meets every one in the end: they are handed out
     * when nothing else waits) so that the count falls by one with every answer and never tells a check item apart —
     * and how many they judged today and in all (skips not counted). Today is the UTC day, like the agreement chart's
     * days: the database session's own zone (the server's, through the driver) would start it hours apart from them.
     */
    @Transactional
    public Counters counters(long reviewerId) {
        long waiting = ((Number) em.createNativeQuery("""
                select count(*) from review_items i where i.status = 'open'
                  and not exists (select 1 from judgements j where j.item_id = i.id and j.reviewer_id = ?1)
                  and i.judgements + (select count(*) from review_leases l where l.item_id = i.id and l.reviewer_id <> ?1
                                      and l.expires_at > now()) < i.required_judgements""")
                .setParameter(1, reviewerId).getSingleResult()).longValue();
        Object[] judged = (Object[]) em.createNativeQuery("""
                select (select count(*) from judgements where reviewer_id = ?1 and choice <> 'skip'
                          and created_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'),
                       coalesce((select judgements from review_reviewer_tallies where reviewer_id = ?1), 0)""")
                .setParameter(1, reviewerId).getSingleResult();
        return new Counters(waiting, ((Number) judged[0]).longValue(), ((Number) judged[1]).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<ReviewerStats> reviewers() {
        // The median time is kept with the sums (ReviewTallies#refreshMedian): one row per reviewer, whatever the history.
        var query = em.createNativeQuery("select t.reviewer_id, coalesce(u.username, '?'), t.judgements, t.skips, "
                + StandingTallies.COLUMNS + ", t.median_duration_ms"
                + " from review_reviewer_tallies t left join users u on u.id = t.reviewer_id where t.judgements + t.skips > 0");
        List<ReviewerStats> reviewers = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            StandingTallies tallies = StandingTallies.of(r, 4);
            ReviewerReliability.Comparison comparison = tallies.comparison();
            int goldJudged = tallies.goldJudged();
            int goldCorrect = tallies.goldCorrect();
            ReviewerReliability.Estimate estimate = ReviewerReliability.estimate(comparison, goldJudged, goldCorrect);
            Double agreement = comparison.compared() >= config.minSharedItems() ? comparison.rate() : null;
            reviewers.add(new ReviewerStats(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), r[8] == null ? null : ((Number) r[8]).intValue() / 1000.0, comparison.compared(), agreement, goldJudged,
                    goldJudged == 0 ? null : (double) goldCorrect / goldJudged,
                    ReviewerReliability.roundWeight(estimate, config.minSharedItems()), estimate.low(), estimate.high(),
                    Math.max(0, config.minSharedItems() - (comparison.compared() + goldJudged))));
        }
        reviewers.sort(Comparator.comparing(ReviewerStats::username));
        return reviewers;
    }

    /**
     * The daily changes of the coincidence matrix, by row, summed as of each day of the chart's window and as of
     * now. Everything before the window arrives already summed, so only the window's rows are read one by one, and
     * the settled days — all but yesterday and today — only when one of them was written since ({@link Settled}).
     */
    @SuppressWarnings("unchecked")
    private AlphaSeries agreements() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate before = today.minusDays(config.chartDays());
        // Yesterday is read with today on every call: a judgement made just before midnight may commit just after it.
        LocalDate fresh = today.minusDays(1);
        // Read first: a day written after this read moves the counter on again, so what is kept below is never newer than
        // its counter says.
        long generation = ((Number) em.createNativeQuery("select generation from review_settled_days").getSingleResult()).longValue();
        Settled kept = settled.get();
        if (kept == null || kept.generation() != generation || !kept.fresh().equals(fresh) || !kept.before().equals(before)) {
            kept = new Settled(before, fresh, generation, new AlphaSeries.Running().add(days(before, "<", fresh), marginals(before, "<", fresh)));
            settled.set(kept);
        }
        return kept.sums().copy().add(days(before, ">=", fresh), marginals(before, ">=", fresh)).series();
    }

    /**
     * Per day {overlap votes, change in units} of the days on one side of {@code bound}; the days before the window arrive
     * summed as {@code before}, whose votes make no point.
     */
    @SuppressWarnings("unchecked")
    private Map<LocalDate, long[]> days(LocalDate before, String side, LocalDate bound) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        List<Object[]> rows = em.createNativeQuery("select greatest(day, cast(?1 as date))::text d, coalesce(sum(overlap_votes) filter"
                + " (where day > ?1), 0), sum(units) from review_agreement_days where day " + side + " ?2 group by d")
                .setParameter(1, before).setParameter(2, bound).getResultList();
        rows.forEach(d -> days.put(LocalDate.parse((String) d[0]), new long[] {((Number) d[1]).longValue(), ((Number) d[2]).longValue()}));
        return days;
    }

    @SuppressWarnings("unchecked")
    private List<AlphaSeries.Marginal> marginals(LocalDate before, String side, LocalDate bound) {
        List<Object[]> rows = em.createNativeQuery("select greatest(day, cast(?1 as date))::text d, value_c, sum(weight), sum(off_diagonal)"
                + " from review_coincidences where day " + side + " ?2 group by d, value_c order by d, value_c")
                .setParameter(1, before).setParameter(2, bound).getResultList();
        return rows.stream().map(r -> new AlphaSeries.Marginal(LocalDate.parse((String) r[0]), (String) r[1],
                ((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue())).toList();
    }

    /** Cohen's kappa when exactly two reviewers judged overlap items together. */
    @SuppressWarnings("unchecked")
    private Double kappa() {
        TallySums sums = new TallySums();
        List<?> raters = em.createNativeQuery("select reviewer_id from review_reviewer_tallies where overlap_votes > 0 order by reviewer_id limit 3")
                .getResultList();
        raters.forEach(r -> sums.reviewer(((Number) r).longValue())[TallySums.OVERLAP_VOTES] = 1);
        if (raters.size() == 2) {
            List<Object[]> rows = em.createNativeQuery("""
                    select choice_a, choice_b, items from review_pair_tallies where reviewer_a = ?1 and reviewer_b = ?2""")
                    .setParameter(1, ((Number) raters.get(0)).longValue()).setParameter(2, ((Number) raters.get(1)).longValue())
                    .getResultList();
            rows.forEach(r -> sums.pairs.put(new TallySums.Pair(((Number) raters.get(0)).longValue(), ((Number) raters.get(1)).longValue(),
                    (String) r[0], (String) r[1]), ((Number) r[2]).longValue()));
        }
        return sums.kappa();
    }
}
