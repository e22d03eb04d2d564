package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The review page's next step at each stage, including the edges: nothing queued, one item, disagreement on enough items. */
class ReviewNextStepTest {

    private static ReviewStats.Overall withInterval(long judgements, long open, AlphaInterval.Interval interval) {
        return new ReviewStats.Overall(judgements, open, interval.alpha(), null, (int) interval.units(), List.of(), List.of(), 0, interval);
    }

    private static ReviewStats.Overall overall(long judgements, long open, Double alpha, int overlap) {
        return new ReviewStats.Overall(judgements, open, alpha, null, overlap, List.of(), List.of(), 0);
    }

    @Test
    void beforeAnyModelAnswersTheStepIsToTrainOne() {
        assertTrue(ReviewNextStep.of(overall(0, 0, null, 0), 0, 0, false, "/review").startsWith("Train a model first, on Models"));
        // Replies proposed from the agents' answers come before the first training.
        assertTrue(ReviewNextStep.of(overall(0, 0, null, 0), 2, 2, false, "/review").startsWith("2 proposed replies"));
        assertTrue(ReviewNextStep.of(overall(0, 0, null, 0), 0, 0, true, "/review").startsWith("No items wait for reviewers"));
    }

    @Test
    void eachStageSaysWhatToDo() {
        assertTrue(ReviewNextStep.of(overall(0, 0, null, 0), 0, 0).startsWith("No items wait for reviewers: make some below"));
        assertTrue(ReviewNextStep.of(overall(40, 1, null, 0), 0, 0).startsWith("1 item waits for reviewers at /review (send them this address). About 60 more"));
        assertTrue(ReviewNextStep.of(overall(150, 12, 0.7, 30), 0, 0).startsWith("There are enough judgements for a round"));
        assertTrue(ReviewNextStep.of(overall(150, 12, 0.7, 30), 2, 2).startsWith("2 proposed replies (reviewers' rewrites, or replies taken from agents' answers) wait"));
        // More than the page lists: the count is all of them, and the page says which it shows.
        String many = ReviewNextStep.of(overall(150, 12, 0.7, 30), 120, 50);
        assertTrue(many.startsWith("120 proposed replies") && many.endsWith(" The oldest 50 are listed; each decision brings up the next."),
                many);
        assertTrue(ReviewNextStep.of(overall(150, 12, 0.7, 30), 1, 1).startsWith("1 proposed reply (reviewers' rewrites, or replies taken from agents' answers) waits"));
    }

    @Test
    void reviewersFasterThanAnyoneCanReadAreNamedFirstAndTheStepDueFollows() {
        ReviewStats.ReviewerStats quick = reviewer("quick1", 30, 0.6);
        ReviewStats.ReviewerStats careful = reviewer("careful", 30, 8.0);
        ReviewStats.ReviewerStats starting = reviewer("starting", 9, 0.5); // too few judgements to tell a pace
        ReviewStats.Overall one = new ReviewStats.Overall(62, 73, null, null, 7, List.of(quick, careful, starting), List.of(), 0);
        String step = ReviewNextStep.of(one, 0, 0);
        assertTrue(step.startsWith("quick1 answers faster than anyone can read a ticket and two replies (a median under 3 seconds per"
                + " item, marked \"very fast\" below): talk to them before the next round"), step);
        assertTrue(step.endsWith("Then: 73 items wait for reviewers at /review (send them this address). About 38 more judgements give a first round a fair chance"
                + " to decide (about 100 in all)."), step);
        ReviewStats.Overall two = new ReviewStats.Overall(62, 73, null, null, 7, List.of(quick, careful, reviewer("quick2", 12, 1.0),
                reviewer("quick3", 40, 2.9)), List.of(), 0);
        assertTrue(ReviewNextStep.of(two, 0, 0).startsWith("quick1, quick2 and quick3 answer faster"), ReviewNextStep.of(two, 0, 0));
        ReviewStats.Overall none = new ReviewStats.Overall(62, 73, null, null, 7, List.of(careful, starting), List.of(), 0);
        assertTrue(ReviewNextStep.of(none, 0, 0).startsWith("73 items wait"), ReviewNextStep.of(none, 0, 0));
        // The step due goes on the sentence after "Then:" without a capital.
        String rewrites = ReviewNextStep.of(one, 2, 2);
        assertTrue(rewrites.contains(" Then: 2 proposed replies"), rewrites);
        ReviewStats.Overall empty = new ReviewStats.Overall(62, 0, null, null, 7, List.of(quick, careful), List.of(), 0);
        assertTrue(ReviewNextStep.of(empty, 0, 0).contains(" Then: no items wait for reviewers"), ReviewNextStep.of(empty, 0, 0));
    }

    private static ReviewStats.ReviewerStats reviewer(String name, long judgements, double medianSeconds) {
        return new ReviewStats.ReviewerStats(1, name, judgements, 0, medianSeconds, 0, null, 0, null, 0.5, 0.05, 0.95, 5);
    }

    @Test
    void alphaSaysWhatItRestsOnAndWhenThatIsTooLittle() {
        org.junit.jupiter.api.Assertions.assertEquals("3 overlap items: too few to tell yet, about 17 more needed",
                ReviewFormats.alphaEvidence(overall(40, 5, 0.55, 3)));
        org.junit.jupiter.api.Assertions.assertEquals("no overlap items: too few to tell yet, about 20 more needed",
                ReviewFormats.alphaEvidence(overall(1, 5, null, 0)));
        org.junit.jupiter.api.Assertions.assertEquals("20 overlap items", ReviewFormats.alphaEvidence(overall(150, 5, 0.7, 20)));
    }

    @Test
    void lowAgreementCountsOnlyWithEnoughSharedItems() {
        // Low on 80 items, surely (AlphaIntervalTest): the advice stands.
        assertTrue(ReviewNextStep.of(withInterval(150, 12, AlphaInterval.of(Map.of(List.of("1", "1"), 20L, List.of("2", "2"), 20L,
                List.of("1", "2"), 40L))), 0, 0).startsWith("Reviewers often disagree"));
        String unknown = ReviewNextStep.of(overall(150, 12, 0.2, 19), 0, 0);
        assertTrue(unknown.startsWith("There are enough judgements for a round, but not yet enough to tell whether reviewers agree: "
                + "about 1 more item judged by two reviewers is needed"), "19 shared items cannot tell: " + unknown);
        assertTrue(ReviewNextStep.of(overall(150, 12, null, 0), 0, 0).contains("about 20 more items judged by two reviewers"),
                "a lone reviewer shares no items with anyone");
    }

    @Test
    void lowAgreementThatChanceCouldGiveIsNotCalledDisagreement() {
        // 0.22 on 20 items: under the line, but its interval reaches over it; the page abstains, says how many more items
        // would tell, and goes on with the step due otherwise.
        AlphaInterval.Interval twenty = AlphaInterval.of(Map.of(List.of("1", "1"), 6L, List.of("2", "2"), 6L, List.of("1", "2"), 8L));
        String unsure = ReviewNextStep.of(withInterval(150, 12, twenty), 0, 0);
        assertTrue(unsure.startsWith("Reviewers may disagree on the same items, but the 20 items judged by two or more of them cannot yet"
                + " tell that from chance: about " + twenty.moreItemsToTell(ReviewNextStep.LOW_AGREEMENT) + " more such items would"), unsure);
        assertTrue(unsure.endsWith("There are enough judgements for a round: start one on Rounds. 12 items still wait for reviewers."), unsure);
        // A low alpha whose interval was not read (it always is when low on enough items) is not advice either.
        assertTrue(ReviewNextStep.of(overall(150, 12, 0.2, 20), 0, 0).startsWith("Reviewers may disagree"));
        // Undefined alpha — a lone reviewer, no overlap, no variance — says nothing of disagreement.
        assertTrue(!ReviewNextStep.of(overall(150, 12, null, 40), 0, 0).contains("disagree"));
    }
}
