package dev.loopwise.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How trustworthy the judgements are: per reviewer — judgements, time per item, leave-one-out
 * agreement with the other reviewers on overlap items, accuracy on gold items, and the reliability weight
 * alignment rounds use ({@link ReviewerReliability}); overall — Krippendorff's alpha on overlap items, over time.
 */
@ApplicationScoped
public class ReviewStats {
    @Inject
    EntityManager em;
    @Inject
    ReviewConfig config;

    /**
     * One reviewer's figures. {@code agreement} is leave-one-out agreement with the other reviewers, null
     * ("—") until the reviewer shares enough overlap items with others; {@code weight} is the posterior
     * mean reliability with its 90% interval ({@link ReviewerReliability}).
     */
    public record ReviewerStats(long reviewerId, String username, long judgements, long skips, Double medianSeconds,
                                int overlapCompared, Double agreement, int goldJudged, Double goldAccuracy, double weight,
                                double weightLow, double weightHigh) {
    }

    public record Overall(long judgements, long openItems, Double alpha, Double kappa, int overlapUnits,
                          List<ReviewerStats> reviewers, List<AlphaPoint> alphaOverTime) {
    }

    public record AlphaPoint(String day, Double alpha, int units) {
    }

    public record Home(long waiting, long judgedToday, long judgedTotal, Double agreement) {
    }

    record Vote(long itemId, long reviewerId, String choice, String kind, String gold, LocalDate day, Integer durationMs) {
    }

    @Transactional
    public Overall overall() {
        List<Vote> votes = votes(null);
        Map<Long, String> names = new HashMap<>();
        List<Object[]> users = em.createNativeQuery("select id, username from users").getResultList();
        users.forEach(u -> names.put(((Number) u[0]).longValue(), (String) u[1]));
        Map<Long, List<Vote>> byReviewer = votes.stream().collect(Collectors.groupingBy(Vote::reviewerId, TreeMap::new, Collectors.toList()));
        Map<Long, ReviewerReliability.Comparison> comparisons = ReviewerReliability.leaveOneOut(overlapVotes(votes));
        List<ReviewerStats> reviewers = new ArrayList<>();
        byReviewer.forEach((id, own) -> reviewers.add(reviewer(id, names.getOrDefault(id, "?"), own, comparisons)));
        reviewers.sort(Comparator.comparing(ReviewerStats::username));
        List<List<String>> units = overlapUnits(votes, null);
        long open = ReviewItem.countOpen();
        return new Overall(votes.stream().filter(v -> !v.choice().equals(Judgement.SKIP)).count(), open,
                Agreement.krippendorffAlpha(units), kappa(votes), (int) units.stream().filter(u -> u.size() >= 2).count(),
                reviewers, alphaOverTime(votes));
    }

    /** Reliability weights by reviewer id, for alignment rounds (reviewers without evidence weigh 0.5). */
    @Transactional
    public Map<Long, Double> weights() {
        Map<Long, Double> weights = new HashMap<>();
        overall().reviewers().forEach(r -> weights.put(r.reviewerId(), r.weight()));
        return weights;
    }

    /** The judging page's counters, cheap enough to send with every item (no agreement figures). */
    public record Counters(long waiting, long judgedToday, long judgedTotal) {
    }

    @Transactional
    public Home home(long reviewerId) {
        Counters counters = counters(reviewerId);
        List<Vote> votes = votes(null);
        ReviewerStats own = reviewer(reviewerId, "", votes.stream().filter(v -> v.reviewerId() == reviewerId).toList(),
                ReviewerReliability.leaveOneOut(overlapVotes(votes)));
        return new Home(counters.waiting(), counters.judgedToday(), counters.judgedTotal(), own.agreement());
    }

    /**
     * What waits for this reviewer — open items they have not judged with room for them, the one leased to
     * them (on screen) included; gold check items only while on screen, since every reviewer may meet each —
     * and how many they judged today and in all (skips not counted).
     */
    @Transactional
    public Counters counters(long reviewerId) {
        long waiting = ((Number) em.createNativeQuery("""
                select count(*) from review_items i where i.status = 'open'
                  and (i.kind <> 'gold' or exists (select 1 from review_leases l where l.item_id = i.id and l.reviewer_id = ?1
                                                   and l.expires_at > now()))
                  and not exists (select 1 from judgements j where j.item_id = i.id and j.reviewer_id = ?1)
                  and i.judgements + (select count(*) from review_leases l where l.item_id = i.id and l.reviewer_id <> ?1
                                      and l.expires_at > now()) < i.required_judgements""")
                .setParameter(1, reviewerId).getSingleResult()).longValue();
        Object[] judged = (Object[]) em.createNativeQuery("""
                select count(*) filter (where created_at >= date_trunc('day', now())), count(*)
                from judgements where reviewer_id = ?1 and choice <> 'skip'""").setParameter(1, reviewerId).getSingleResult();
        return new Counters(waiting, ((Number) judged[0]).longValue(), ((Number) judged[1]).longValue());
    }

    private ReviewerStats reviewer(long id, String name, List<Vote> own, Map<Long, ReviewerReliability.Comparison> comparisons) {
        List<Vote> counted = own.stream().filter(v -> !v.choice().equals(Judgement.SKIP)).toList();
        List<Integer> durations = counted.stream().map(Vote::durationMs).filter(d -> d != null).sorted().toList();
        Double median = durations.isEmpty() ? null : durations.get(durations.size() / 2) / 1000.0;
        ReviewerReliability.Comparison comparison = comparisons.getOrDefault(id, new ReviewerReliability.Comparison(0, 0));
        List<Vote> gold = counted.stream().filter(v -> v.gold() != null).toList();
        int goldCorrect = (int) gold.stream().filter(v -> v.gold().equals(v.choice())).count();
        ReviewerReliability.Estimate estimate = ReviewerReliability.estimate(comparison, gold.size(), goldCorrect);
        Double agreement = comparison.compared() >= config.minSharedItems() ? comparison.rate() : null;
        return new ReviewerStats(id, name, counted.size(), own.size() - counted.size(), median, comparison.compared(),
                agreement, gold.size(), gold.isEmpty() ? null : (double) goldCorrect / gold.size(), estimate.weight(),
                estimate.low(), estimate.high());
    }

    private static List<ReviewerReliability.Vote> overlapVotes(List<Vote> votes) {
        return votes.stream().filter(v -> v.kind().equals(ReviewItem.OVERLAP) && !v.choice().equals(Judgement.SKIP))
                .map(v -> new ReviewerReliability.Vote(v.itemId(), v.reviewerId(), v.choice())).toList();
    }

    private List<List<String>> overlapUnits(List<Vote> votes, LocalDate until) {
        return new ArrayList<>(votes.stream()
                .filter(v -> v.kind().equals(ReviewItem.OVERLAP) && !v.choice().equals(Judgement.SKIP))
                .filter(v -> until == null || !v.day().isAfter(until))
                .collect(Collectors.groupingBy(Vote::itemId, LinkedHashMap::new, Collectors.mapping(Vote::choice, Collectors.toList())))
                .values());
    }

    private List<AlphaPoint> alphaOverTime(List<Vote> votes) {
        List<AlphaPoint> points = new ArrayList<>();
        votes.stream().filter(v -> v.kind().equals(ReviewItem.OVERLAP)).map(Vote::day).distinct().sorted().forEach(day -> {
            List<List<String>> units = overlapUnits(votes, day);
            points.add(new AlphaPoint(day.toString(), Agreement.krippendorffAlpha(units),
                    (int) units.stream().filter(u -> u.size() >= 2).count()));
        });
        return points;
    }

    /** Cohen's kappa when exactly two reviewers judged overlap items together. */
    private Double kappa(List<Vote> votes) {
        List<Vote> overlap = votes.stream().filter(v -> v.kind().equals(ReviewItem.OVERLAP) && !v.choice().equals(Judgement.SKIP)).toList();
        List<Long> raters = overlap.stream().map(Vote::reviewerId).distinct().toList();
        if (raters.size() != 2) {
            return null;
        }
        Map<Long, Map<Long, String>> byItem = overlap.stream().collect(Collectors.groupingBy(Vote::itemId,
                Collectors.toMap(Vote::reviewerId, Vote::choice, (a, b) -> a)));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        byItem.values().stream().filter(m -> m.size() == 2).forEach(m -> {
            first.add(m.get(raters.get(0)));
            second.add(m.get(raters.get(1)));
        });
        return Agreement.cohensKappa(first, second);
    }

    @SuppressWarnings("unchecked")
    private List<Vote> votes(Long reviewerId) {
        List<Object[]> rows = em.createNativeQuery("""
                select j.item_id, j.reviewer_id, j.choice, i.kind, i.gold_choice,
                       to_char(j.created_at at time zone 'UTC', 'YYYY-MM-DD'), j.duration_ms
                from judgements j join review_items i on i.id = j.item_id order by j.id""").getResultList();
        return rows.stream().map(r -> new Vote(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], LocalDate.parse((String) r[5]), r[6] == null ? null : ((Number) r[6]).intValue()))
                .filter(v -> reviewerId == null || v.reviewerId() == reviewerId).toList();
    }
}
