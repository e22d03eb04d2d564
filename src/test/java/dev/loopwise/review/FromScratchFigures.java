package dev.loopwise.review;

import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.Agreement;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.review.judging.ReviewerReliability;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The review figures computed from every judgement at once, as they were before running sums existed:
 * the reference the sums must equal.
 */
public final class FromScratchFigures {
    private FromScratchFigures() {
    }

    public record Vote(long itemId, long reviewerId, String choice, String kind, String gold, LocalDate day) {
    }

    public record Reviewer(long judgements, long skips, ReviewerReliability.Comparison comparison, int goldJudged, int goldCorrect) {
    }

    public record Figures(Map<Long, Reviewer> reviewers, Double alpha, int overlapUnits, Double kappa, List<ReviewStats.AlphaPoint> overTime) {
    }

    @SuppressWarnings("unchecked")
    static List<Vote> load(EntityManager em) {
        List<Object[]> rows = em.createNativeQuery("""
                select j.item_id, j.reviewer_id, j.choice, i.kind, i.gold_choice, to_char(j.created_at at time zone 'UTC', 'YYYY-MM-DD')
                from judgements j join review_items i on i.id = j.item_id order by j.id""").getResultList();
        return rows.stream().map(r -> new Vote(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                (String) r[4], LocalDate.parse((String) r[5]))).toList();
    }

    public static Figures of(List<Vote> votes) {
        Map<Long, ReviewerReliability.Comparison> comparisons = ReviewerReliability.leaveOneOut(overlapVotes(votes));
        Map<Long, Reviewer> reviewers = new HashMap<>();
        votes.stream().collect(Collectors.groupingBy(Vote::reviewerId)).forEach((id, own) -> {
            List<Vote> counted = own.stream().filter(v -> !v.choice().equals(Judgement.SKIP)).toList();
            List<Vote> gold = counted.stream().filter(v -> v.gold() != null).toList();
            reviewers.put(id, new Reviewer(counted.size(), own.size() - counted.size(),
                    comparisons.getOrDefault(id, new ReviewerReliability.Comparison(0, 0)), gold.size(),
                    (int) gold.stream().filter(v -> v.gold().equals(v.choice())).count()));
        });
        List<List<String>> units = overlapUnits(votes, null);
        return new Figures(reviewers, Agreement.krippendorffAlpha(units), (int) units.stream().filter(u -> u.size() >= 2).count(),
                kappa(votes), alphaOverTime(votes));
    }

    private static List<ReviewerReliability.Vote> overlapVotes(List<Vote> votes) {
        return votes.stream().filter(v -> v.kind().equals(ReviewItem.OVERLAP) && !v.choice().equals(Judgement.SKIP))
                .map(v -> new ReviewerReliability.Vote(v.itemId(), v.reviewerId(), v.choice())).toList();
    }

    private static List<List<String>> overlapUnits(List<Vote> votes, LocalDate until) {
        return new ArrayList<>(votes.stream()
                .filter(v -> v.kind().equals(ReviewItem.OVERLAP) && !v.choice().equals(Judgement.SKIP))
                .filter(v -> until == null || !v.day().isAfter(until))
                .collect(Collectors.groupingBy(Vote::itemId, LinkedHashMap::new, Collectors.mapping(Vote::choice, Collectors.toList())))
                .values());
    }

    private static List<ReviewStats.AlphaPoint> alphaOverTime(List<Vote> votes) {
        List<ReviewStats.AlphaPoint> points = new ArrayList<>();
        votes.stream().filter(v -> v.kind().equals(ReviewItem.OVERLAP)).map(Vote::day).distinct().sorted().forEach(day -> {
            List<List<String>> units = overlapUnits(votes, day);
            points.add(new ReviewStats.AlphaPoint(day.toString(), Agreement.krippendorffAlpha(units),
                    (int) units.stream().filter(u -> u.size() >= 2).count()));
        });
        return points;
    }

    private static Double kappa(List<Vote> votes) {
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
}
