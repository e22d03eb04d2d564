package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.review.judging.ReviewStats;
import org.junit.jupiter.api.Test;

/**
 * The judging page shows "Nothing is waiting for review" whenever the next-item answer brings no item, so that answer's
 * Waiting must read 0 too: items counted a moment earlier can have gone to other reviewers meanwhile, and the page showed
 * "Waiting 2" beside "Nothing is waiting". With an item, Waiting stays the count as it stands.
 */
class EmptyAnswerCountersTest {
    @Test
    void anAnswerWithNoItemSaysNothingIsWaitingInItsCountersToo() {
        ReviewStats.Counters counted = new ReviewStats.Counters(2, 5, 40);
        ReviewPages.Next empty = ReviewPages.Next.of(null, counted);
        assertEquals(0, empty.waiting(), "Waiting beside 'Nothing is waiting'");
        assertEquals(5, empty.judgedToday());
        assertEquals(40, empty.judgedTotal());
    }
}
