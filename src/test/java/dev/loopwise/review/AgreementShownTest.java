package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement figures are shown once enough items were judged by two reviewers, and a dash before. */
class AgreementShownTest {
    private static ReviewStats.Overall overall(int overlapItems, Double alpha) {
        return new ReviewStats.Overall(50, 10, alpha, alpha, overlapItems, List.of(), List.of(), 0);
    }

    @Test
    void aFigureOnTooFewSharedItemsIsADash() {
        assertEquals("—", ReviewFormats.agreementShown(overall(2, 0.0), 0.0), "0.00 on two items is no verdict");
        assertEquals("—", ReviewFormats.agreementShown(overall(ReviewNextStep.AGREEMENT_EVIDENCE - 1, 0.8), 0.8));
        assertEquals("0.80", ReviewFormats.agreementShown(overall(ReviewNextStep.AGREEMENT_EVIDENCE, 0.8), 0.8));
        assertEquals("0.46", ReviewFormats.agreementShown(overall(40, 0.4567), 0.4567));
        assertEquals("—", ReviewFormats.agreementShown(overall(40, null), null), "no overlap at all");
    }
}
