package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interval around alpha on hand-computed cases. Two reviewers per item, choices 1 and 2: with a11 items both "1", a22
 * both "2" and d split, N = a11 + a22 + d, n1 = 2·a11 + d, n2 = 2·a22 + d, alpha = 1 − (2N − 1)·d / (n1·n2).
 */
class AlphaIntervalTest {
    private static Map<List<String>, Long> items(long a11, long a22, long d) {
        return Map.of(List.of("1", "1"), a11, List.of("2", "2"), a22, List.of("1", "2"), d);
    }

    @Test
    void lowOnTwentyItemsIsNotSureEnoughToCallLow() {
        // 6 + 6 agree, 8 split: n1 = n2 = 20, alpha = 1 − 39·8/400 = 0.22, under 0.4; the items are too few to rule chance out.
        AlphaInterval.Interval twenty = AlphaInterval.of(items(6, 6, 8));
        assertEquals(0.22, twenty.alpha(), 1e-12);
        assertEquals(20, twenty.units());
        assertTrue(twenty.low() < 0.22 && twenty.high() > ReviewNextStep.LOW_AGREEMENT, twenty.toString());
        // 20·((high − 0.22)/(0.4 − 0.22))² − 20 more items: with high = 0.511 here (an independent bootstrap of 20 000 draws gives 0.536), 33.
        long more = twenty.moreItemsToTell(ReviewNextStep.LOW_AGREEMENT);
        assertTrue(more >= 30 && more <= 60, more + " " + twenty);
    }

    @Test
    void lowOnEightyItemsIsSure() {
        // 20 + 20 agree, 40 split: n1 = n2 = 80, alpha = 1 − 159·40/6400 = 0.00625; upper end ≈ 0.18, well under 0.4.
        AlphaInterval.Interval eighty = AlphaInterval.of(items(20, 20, 40));
        assertEquals(0.00625, eighty.alpha(), 1e-12);
        assertTrue(eighty.high() < ReviewNextStep.LOW_AGREEMENT, eighty.toString());
        assertEquals(0, eighty.moreItemsToTell(ReviewNextStep.LOW_AGREEMENT));
    }

    @Test
    void everyItemSplitLeavesNoDoubt() {
        // 20 items all split: alpha = 1 − 39·20/400 = −0.95, and every draw of them is the same.
        AlphaInterval.Interval split = AlphaInterval.of(items(0, 0, 20));
        assertEquals(-0.95, split.alpha(), 1e-12);
        assertEquals(-0.95, split.low(), 1e-12);
        assertEquals(-0.95, split.high(), 1e-12);
    }

    @Test
    void highAgreementNeedsNothingMore() {
        // 30 + 30 agree, 20 split: alpha = 1 − 159·20/(80·80) = 0.503125, over the line: nothing to tell.
        AlphaInterval.Interval high = AlphaInterval.of(items(30, 30, 20));
        assertEquals(0.503125, high.alpha(), 1e-12);
        assertEquals(-1, high.moreItemsToTell(ReviewNextStep.LOW_AGREEMENT));
    }

    @Test
    void undefinedWithoutTwoValuesOnTwoItemsOrWithoutVariance() {
        assertNull(AlphaInterval.of(Map.of(List.of("1"), 30L)), "a lone reviewer: one value per item pairs nothing");
        assertNull(AlphaInterval.of(Map.of()), "no overlap");
        assertNull(AlphaInterval.of(items(0, 0, 0)), "zero counts");
        assertNull(AlphaInterval.of(items(0, 0, 1)), "one item");
        assertNull(AlphaInterval.of(items(25, 0, 0)), "every value the same");
    }
}
