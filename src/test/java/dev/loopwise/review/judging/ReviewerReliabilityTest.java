package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.review.judging.ReviewerReliability.Comparison;
import dev.loopwise.review.judging.ReviewerReliability.Estimate;
import dev.loopwise.review.judging.ReviewerReliability.Vote;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reviewer figures on cases small enough to compute by hand, edge cases first. */
class ReviewerReliabilityTest {

    @Test
    void aLoneReviewerHasNoEvidenceAndThePriorWeight() {
        // Reviewer 1 judged two overlap items nobody else has judged yet: their own votes are no evidence.
        Map<Long, Comparison> loo = ReviewerReliability.leaveOneOut(List.of(new Vote(10, 1, "A"), new Vote(11, 1, "B")));
        assertEquals(0, loo.get(1L).compared());
        assertNull(loo.get(1L).rate());
        Estimate estimate = ReviewerReliability.estimate(loo.get(1L), 0, 0);
        assertEquals(0.5, estimate.weight(), 1e-12); // Beta(1, 1)
        assertEquals(0.05, estimate.low(), 1e-9);   // quantiles of the uniform distribution
        assertEquals(0.95, estimate.high(), 1e-9);
    }

    @Test
    void noOverlapAtAllGivesNoComparisons() {
        assertEquals(Map.of(), ReviewerReliability.leaveOneOut(List.of()));
    }

    @Test
    void twoReviewersWhoDisagreeEachAgreeWithNobody() {
        Map<Long, Comparison> loo = ReviewerReliability.leaveOneOut(List.of(new Vote(1, 1, "A"), new Vote(1, 2, "B")));
        assertEquals(new Comparison(1, 0.0), loo.get(1L));
        assertEquals(new Comparison(1, 0.0), loo.get(2L));
    }

    @Test
    void reviewersWhoAllAgreeEachAgreeFullyYetTwoItemsDoNotSettleTheirWeight() {
        // Three reviewers, two items, every vote "A": each agrees with the others' majority on both, 2 of 2.
        Map<Long, Comparison> loo = ReviewerReliability.leaveOneOut(List.of(new Vote(1, 1, "A"), new Vote(1, 2, "A"),
                new Vote(1, 3, "A"), new Vote(2, 1, "A"), new Vote(2, 2, "A"), new Vote(2, 3, "A")));
        for (long reviewer = 1; reviewer <= 3; reviewer++) {
            assertEquals(new Comparison(2, 2.0), loo.get(reviewer));
        }
        // Beta(3, 1): mean 3/4, 90% interval from 0.05^(1/3) = 0.368 to 0.95^(1/3) = 0.983 — but two items are no verdict.
        Estimate estimate = ReviewerReliability.estimate(loo.get(1L), 0, 0);
        assertEquals(0.75, estimate.weight(), 1e-12);
        assertEquals(Math.cbrt(0.05), estimate.low(), 1e-6);
        assertEquals(Math.cbrt(0.95), estimate.high(), 1e-6);
        assertEquals(0.5, ReviewerReliability.roundWeight(estimate, 5), 1e-12);
    }

    @Test
    void othersSplitEvenlyOnTwoAnswersGiveHalfAnAgreement() {
        // One item: reviewers 1 to 4 say A, B, A, B and reviewer 5 says A. Reviewer 5's four others tie 2–2, so A earns ½.
        Map<Long, Comparison> loo = ReviewerReliability.leaveOneOut(List.of(new Vote(1, 1, "A"), new Vote(1, 2, "B"),
                new Vote(1, 3, "A"), new Vote(1, 4, "B"), new Vote(1, 5, "A")));
        assertEquals(new Comparison(1, 0.5), loo.get(5L));
        // Reviewer 1's others: B, A, B, A — tied again, ½.
        assertEquals(new Comparison(1, 0.5), loo.get(1L));
        // Reviewer 2's others: A, A, B, A — A leads, and reviewer 2 said B.
        assertEquals(new Comparison(1, 0.0), loo.get(2L));
    }

    @Test
    void threeReviewersOwnVoteNeverCountsAndTiesAreSplit() {
        // item 1: A, A, tie — item 2: A, B, A
        Map<Long, Comparison> loo = ReviewerReliability.leaveOneOut(List.of(
                new Vote(1, 1, "A"), new Vote(1, 2, "A"), new Vote(1, 3, "tie"),
                new Vote(2, 1, "A"), new Vote(2, 2, "B"), new Vote(2, 3, "A")));
        // Reviewer 1: others {A, tie} → half; others {B, A} → half. 1.0 of 2.
        assertEquals(new Comparison(2, 1.0), loo.get(1L));
        // Reviewer 2: others {A, tie} → half; others {A, A} against B → 0. 0.5 of 2.
        assertEquals(new Comparison(2, 0.5), loo.get(2L));
        // Reviewer 3: others {A, A} against tie → 0; others {A, B} → half. 0.5 of 2.
        assertEquals(new Comparison(2, 0.5), loo.get(3L));
        assertEquals(0.5, loo.get(1L).rate());
        assertEquals(0.25, loo.get(3L).rate());
    }

    @Test
    void goldAnswersAndAgreementsFormOneBetaPosterior() {
        // 3 of 4 agreements and 1 of 2 gold: 4 hits, 2 misses → Beta(5, 3), mean 5/8.
        Estimate estimate = ReviewerReliability.estimate(new Comparison(4, 3.0), 2, 1);
        assertEquals(0.625, estimate.weight(), 1e-12);
        assertEquals(0.34126, estimate.low(), 1e-4);  // numerical quantiles of Beta(5, 3)
        assertEquals(0.87124, estimate.high(), 1e-4);
        assertEquals(6.0, estimate.evidence(), 1e-12);
    }

    @Test
    void moreEvidenceNarrowsTheInterval() {
        Estimate few = ReviewerReliability.estimate(new Comparison(4, 3.0), 0, 0);
        Estimate many = ReviewerReliability.estimate(new Comparison(40, 30.0), 0, 0);
        assertEquals(4.0 / 6, few.weight(), 1e-12);
        assertEquals(31.0 / 42, many.weight(), 1e-12);
        assertEquals(true, many.high() - many.low() < few.high() - few.low());
    }

    @Test
    void theWeightIsShownWithTheEvidenceItRestsOn() {
        // Six shared items, four agreed on: Beta(5, 3), mean 5/8, shown with the items it rests on.
        Estimate six = ReviewerReliability.estimate(new Comparison(6, 4.0), 0, 0);
        ReviewStats.ReviewerStats settled = new ReviewStats.ReviewerStats(1, "r1", 9, 0, null, 6, 4.0 / 6, 0, null,
                ReviewerReliability.roundWeight(six, 5), six.low(), six.high(), 0);
        assertEquals("63% (34–87%), from 6 shared or gold items", ReviewFormats.weightRange(settled));
    }

    @Test
    void aRoundDoesNotJudgeAReviewerOnTooLittleEvidence() {
        // One shared item, disagreed on: Beta(1, 2), mean 1/3 — but one item is no verdict on a person, so a round weighs
        // them as it weighs everyone without a record, 0.5, until 5 shared or gold items back a weight of their own.
        Estimate lone = ReviewerReliability.estimate(new Comparison(1, 0), 0, 0);
        assertEquals(1.0 / 3, lone.weight(), 1e-12);
        assertEquals(0.5, ReviewerReliability.roundWeight(lone, 5), 1e-12);
        ReviewStats.ReviewerStats one = new ReviewStats.ReviewerStats(1, "r1", 1, 0, null, 1, null, 0, null, 0.5, lone.low(),
                lone.high(), 4);
        assertEquals("50%, as for everyone, until 5 shared or gold items (1 so far; about 4 more needed)", ReviewFormats.weightRange(one));
        ReviewStats.ReviewerStats none = new ReviewStats.ReviewerStats(2, "r2", 3, 0, null, 0, null, 0, null, 0.5, 0.05, 0.95, 5);
        assertEquals("50%, as for everyone, until 5 shared or gold items (none yet; about 5 more needed)", ReviewFormats.weightRange(none));
        // Four shared and one gold make five: the posterior speaks from then on. 3 agreements and a gold hit → Beta(5, 2), 5/7.
        Estimate five = ReviewerReliability.estimate(new Comparison(4, 3.0), 1, 1);
        assertEquals(5.0 / 7, ReviewerReliability.roundWeight(five, 5), 1e-12);
        // Fractional agreement (the others split) counts as one item of evidence all the same.
        Estimate split = ReviewerReliability.estimate(new Comparison(5, 2.5), 0, 0);
        assertEquals(3.5 / 7, ReviewerReliability.roundWeight(split, 5), 1e-12);
    }

    @Test
    void aPaceTooQuickToReadIsMarkedOnlyOnceThereAreEnoughJudgements() {
        assertEquals(true, ReviewFormats.tooFast(stats(12, 0.4)), "0.4 s a item over 12 judgements");
        assertEquals(false, ReviewFormats.tooFast(stats(9, 0.4)), "nine quick answers may be the easy items");
        assertEquals(false, ReviewFormats.tooFast(stats(12, 3.0)), "3 s is the line");
        assertEquals(false, ReviewFormats.tooFast(stats(12, null)), "no pace yet");
    }

    private static ReviewStats.ReviewerStats stats(long judgements, Double medianSeconds) {
        return new ReviewStats.ReviewerStats(1, "r1", judgements, 0, medianSeconds, 0, null, 0, null, 0.5, 0.05, 0.95, 5);
    }
}
