package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement figures are shown once enough items were judged by two reviewers, and a dash before. */
class AgreementShownTest {
    private static ReviewStats.Overall overall(int overlapItems, Double alpha, Double kappa) {
        return new ReviewStats.Overall(50, 10, alpha, kappa, overlapItems, List.of(), List.of(), 0);
    }

    @Test
    void aFigureOnTooFewSharedItemsIsADash() {
        assertEquals("—", ReviewFormats.alphaShown(overall(2, 0.0, 0.0)), "0.00 on two items is no verdict");
        assertEquals("—", ReviewFormats.kappaShown(overall(2, 0.0, 0.0)));
        assertEquals("—", ReviewFormats.alphaShown(overall(ReviewNextStep.AGREEMENT_EVIDENCE - 1, 0.8, 0.8)));
        assertEquals("0.80", ReviewFormats.alphaShown(overall(ReviewNextStep.AGREEMENT_EVIDENCE, 0.8, 0.8)));
        assertEquals("0.46", ReviewFormats.alphaShown(overall(40, 0.4567, null)));
        assertEquals("—", ReviewFormats.alphaShown(overall(0, null, null)), "no overlap at all");
    }

    @Test
    void enoughItemsWithoutAFigureSayWhy() {
        assertEquals("all alike", ReviewFormats.alphaShown(overall(40, null, null)), "one answer from everyone on every shared item");
        assertEquals("all alike", ReviewFormats.kappaShown(overall(40, null, null)));
        assertEquals("n/a", ReviewFormats.kappaShown(overall(40, 0.7, null)), "three reviewers share the items: κ is for two");
        assertEquals("0.66", ReviewFormats.kappaShown(overall(40, 0.7, 0.655)));
    }
}
