package dev.loopwise.review.judging;

import dev.loopwise.common.StandingMessages;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * What a reviewer's home page tells them of their own judgements: how they agree with others' on shared items, how sure
 * that is, and the weight it gives them in alignment rounds ({@link ReviewerReliability}). Read from their own row of the
 * running sums {@link ReviewTallies} keeps, so the cost stays flat however many judgements there are, and never from
 * another reviewer's: the only thing said of the others is whether anyone else judges at all.
 *
 * @param shared      their items judged by others too (leave-one-out comparisons)
 * @param agreed      of those, the (fractional) agreements with the others' majority
 * @param needed      shared items before agreement is shown and before a weight other than the neutral one is given
 * @param othersJudge whether any other reviewer has judged anything
 */
public record OwnStanding(int shared, double agreed, int goldJudged, int goldCorrect, int needed, boolean othersJudge) {

    static OwnStanding read(EntityManager em, long reviewerId, int needed) {
        List<?> rows = em.createNativeQuery("select " + StandingTallies.COLUMNS + " from review_reviewer_tallies where reviewer_id = ?1")
                .setParameter(1, reviewerId).getResultList();
        boolean others = (Boolean) em.createNativeQuery("""
                select exists (select 1 from review_reviewer_tallies where reviewer_id <> ?1 and judgements > 0)""")
                .setParameter(1, reviewerId).getSingleResult();
        if (rows.isEmpty()) {
            return new OwnStanding(0, 0, 0, 0, needed, others);
        }
        StandingTallies own = StandingTallies.of((Object[]) rows.get(0), 0);
        return new OwnStanding(own.comparison().compared(), own.comparison().agreed(), own.goldJudged(), own.goldCorrect(), needed, others);
    }

    /** The share of shared items agreed on, once there are enough of them to show; null before. */
    public Double agreement() {
        return shared >= needed && shared > 0 ? agreed / shared : null;
    }

    /** The sentence the home page shows: abstaining, with how far off a figure is, until the shared items suffice. */
    public String sentence() {
        ReviewerReliability.Estimate weight = ReviewerReliability.estimate(new ReviewerReliability.Comparison(shared, agreed), goldJudged,
                goldCorrect);
        boolean weighed = weight.evidence() >= needed;
        String counts = weighed ? StandingMessages.ownWeight(ReviewerReliability.roundWeight(weight, needed), weight.low(), weight.high(),
                shared >= needed) : StandingMessages.OWN_WEIGHT_NEUTRAL;
        if (!othersJudge && shared == 0) {
            return StandingMessages.ownStandingAlone(needed, counts);
        }
        // At least one shared item even when the setting asks for none: a share of nothing would read "NaN%".
        if (shared < Math.max(needed, 1)) {
            return StandingMessages.ownStandingTooFew(shared, Math.max(needed, 1) - shared, counts);
        }
        // Agreement alone, before gold answers: the figure the sentence names is agreement with the others.
        ReviewerReliability.Estimate agreement = ReviewerReliability.estimate(new ReviewerReliability.Comparison(shared, agreed), 0, 0);
        return StandingMessages.ownAgreement(shared, agreed / shared, agreement.low(), agreement.high(), counts);
    }
}
