package dev.loopwise.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A reviewer's agreement reads as a count of their items, so a share that is no whole number of them says why. */
class StandingMessagesTest {

    @Test
    void aShareThatIsNoWholeNumberOfItemsSaysThatSplitItemsCountInPart() {
        // 3.5 of 5 items: one item the others split on counted half.
        String split = StandingMessages.ownAgreement(5, 0.7, 0.34, 0.9, "");
        assertTrue(split.contains("matched the others' majority on 70% of them (where the others were split, matching one side counts"
                + " a share of an item: half between two, a third between three); from these 5"), split);
        // 4 of 5 is plain.
        String whole = StandingMessages.ownAgreement(5, 0.8, 0.45, 0.95, "");
        assertTrue(whole.contains("majority on 80% of them; from these 5") && !whole.contains("split"), whole);
    }

    /** A reviewer reads of the team's improvement rounds, as the lead's pages name them, not of "alignment". */
    @Test
    void aReviewersWeightSpeaksOfImprovementRounds() {
        String measured = StandingMessages.ownWeight(0.88, 0.65, 0.99, true);
        assertTrue(measured.startsWith("In the team's improvement rounds this gives"), measured);
        assertTrue(StandingMessages.OWN_WEIGHT_NEUTRAL.contains("improvement rounds"), StandingMessages.OWN_WEIGHT_NEUTRAL);
        assertFalse((measured + StandingMessages.OWN_WEIGHT_NEUTRAL).contains("alignment"));
    }
}
