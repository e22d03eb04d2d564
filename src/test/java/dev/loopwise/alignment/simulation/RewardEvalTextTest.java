package dev.loopwise.alignment.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** eval-reward's sentence about the pairs it trained on reads right for one pair and for many. */
class RewardEvalTextTest {

    @Test
    void oneTrainingPairAndOneValidationPairAreSaidInTheSingular() {
        String text = RewardEvalText.render(Map.of("trainPairs", 2, "validationPairs", 1, "testPairs", 1, "model", "vector"));
        assertTrue(text.contains("Trained on 1 pair of --train; 1 more of its pairs was kept aside as a validation pair, to check it"), text);
        assertTrue(text.contains("Measured on 1 test pair of --test"), text);
    }

    @Test
    void manyPairsAreSaidInThePluralWithTheirThousandsGrouped() {
        String text = RewardEvalText.render(Map.of("trainPairs", 12_400, "validationPairs", 1_240, "testPairs", 300, "model", "vector"));
        assertTrue(text.contains("Trained on 11,160 pairs of --train; 1,240 more of its pairs were kept aside as validation pairs,"), text);
    }

    @Test
    void noValidationPairIsSaidAsNone() {
        String text = RewardEvalText.render(Map.of("trainPairs", 3, "validationPairs", 0, "testPairs", 2, "model", "vector"));
        assertTrue(text.contains("Trained on 3 pairs of --train; no pair was kept aside as a validation pair, to check it"), text);
    }
}
