package dev.loopwise.review.judging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * How far each reviewer can be trusted, from a stated model: a reviewer picks the right answer with
 * an unknown probability p, with a uniform prior p ~ Beta(1, 1). The evidence is
 * <ul>
 * <li><b>leave-one-out agreement</b> on overlap items: the reviewer's choice against the majority of the
 * <em>other</em> reviewers of that item (their own vote never counts). When the others tie, the tie is
 * broken at random, so a choice among k tied leaders earns 1/k; an item nobody else judged is no
 * evidence at all;</li>
 * <li><b>gold items</b>, whose answer an admin fixed: a hit or a miss each.</li>
 * </ul>
 * The posterior is Beta(1 + hits, 1 + misses); its mean is the reliability weight rounds use, and its
 * 90% interval says how sure that weight is. A lone reviewer has no evidence: weight 0.5, interval
 * 0.05–0.95, shown as "—". Rounds abstain from judging a reviewer on too little: until the evidence reaches a
 * minimum ({@link #roundWeight}), everyone weighs the prior's 0.5 — one disagreement would otherwise halve a
 * reviewer's say against one agreement (1/3 against 2/3).
 */
public final class ReviewerReliability {
    static final double PRIOR_HITS = 1;
    static final double PRIOR_MISSES = 1;

    private ReviewerReliability() {
    }

    /** One non-skip vote on an overlap item. */
    public record Vote(long itemId, long reviewerId, String choice) {
    }

    /** Leave-one-out agreement evidence for one reviewer: items compared and (fractional) agreements. */
    public record Comparison(int compared, double agreed) {
        public Double rate() {
            return compared == 0 ? null : agreed / compared;
        }
    }

    /** Leave-one-out comparisons for every reviewer who voted on an overlap item. */
    public static Map<Long, Comparison> leaveOneOut(List<Vote> overlapVotes) {
        Map<Long, List<Vote>> byItem = overlapVotes.stream().collect(Collectors.groupingBy(Vote::itemId));
        Map<Long, int[]> compared = new HashMap<>();
        Map<Long, Double> agreed = new HashMap<>();
        for (List<Vote> votes : byItem.values()) {
            for (Vote vote : votes) {
                compared.computeIfAbsent(vote.reviewerId(), r -> new int[1]);
                agreed.putIfAbsent(vote.reviewerId(), 0.0);
                List<String> others = new ArrayList<>();
                votes.stream().filter(v -> v.reviewerId() != vote.reviewerId()).forEach(v -> others.add(v.choice()));
                if (others.isEmpty()) {
                    continue;
                }
                List<String> leaders = leaders(others);
                compared.get(vote.reviewerId())[0]++;
                if (leaders.contains(vote.choice())) {
                    agreed.merge(vote.reviewerId(), 1.0 / leaders.size(), Double::sum);
                }
            }
        }
        Map<Long, Comparison> result = new HashMap<>();
        compared.forEach((reviewer, count) -> result.put(reviewer, new Comparison(count[0], agreed.get(reviewer))));
        return result;
    }

    /** The most frequent choices (more than one when they tie). */
    static List<String> leaders(List<String> choices) {
        Map<String, Long> counts = choices.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        long top = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return counts.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).sorted().toList();
    }

    /** Posterior of p given agreement and gold evidence. */
    public record Estimate(double weight, double low, double high, double evidence) {
    }

    /** The prior's mean: the weight of a reviewer the evidence cannot judge yet. */
    public static final double NO_VERDICT = PRIOR_HITS / (PRIOR_HITS + PRIOR_MISSES);

    /** The weight a round gives: the posterior mean once {@code minEvidence} shared or gold items back it, the prior's before. */
    public static double roundWeight(Estimate estimate, int minEvidence) {
        return estimate.evidence() >= minEvidence ? estimate.weight() : NO_VERDICT;
    }

    public static Estimate estimate(Comparison comparison, int goldJudged, int goldCorrect) {
        double hits = comparison.agreed() + goldCorrect;
        double misses = comparison.compared() - comparison.agreed() + goldJudged - goldCorrect;
        BetaDistribution posterior = new BetaDistribution(null, PRIOR_HITS + hits, PRIOR_MISSES + misses);
        return new Estimate((PRIOR_HITS + hits) / (PRIOR_HITS + PRIOR_MISSES + hits + misses),
                posterior.inverseCumulativeProbability(0.05), posterior.inverseCumulativeProbability(0.95), hits + misses);
    }
}
