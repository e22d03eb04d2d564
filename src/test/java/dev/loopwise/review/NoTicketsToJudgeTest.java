package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewAdminMessages;
import dev.loopwise.common.ReviewMessages;
import org.junit.jupiter.api.Test;

/**
 * A new installation with only labelled tickets has nothing to make review items from: Make items says so and how to get
 * some, instead of claiming that every ticket within reach already has an item while none exists; and an empty judging
 * page does not thank a reviewer who judged nothing for judging everything.
 */
class NoTicketsToJudgeTest {

    @Test
    void makingItemsWithNothingToMakeThemFromSaysWhereTicketsComeFrom() {
        String none = ReviewAdminMessages.itemsMade(0, 20, "NO_TICKETS", 5000);
        assertTrue(none.startsWith("No new items: there is no ticket to make one from yet."), none);
        assertTrue(none.contains("Import recent tickets without a label on Import") && none.contains("replay a ticket file on Drift"), none);
        assertFalse(none.contains("already has an item"), none);
    }

    @Test
    void theEmptyJudgingPageDoesNotThankForWorkNotDone() {
        assertFalse(ReviewMessages.REVIEW_EMPTY_QUEUE.contains("you have judged every item"), ReviewMessages.REVIEW_EMPTY_QUEUE);
        assertTrue(ReviewMessages.REVIEW_EMPTY_QUEUE.contains("Look again"), ReviewMessages.REVIEW_EMPTY_QUEUE);
    }
}
