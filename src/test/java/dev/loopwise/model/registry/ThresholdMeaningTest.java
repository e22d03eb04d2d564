package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.version.ModelVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The version page's sentence about the hand-over line, for each way the line was set. */
class ThresholdMeaningTest {

    private static String meaning(Object... metricPairs) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (int i = 0; i < metricPairs.length; i += 2) {
            metrics.put((String) metricPairs[i], metricPairs[i + 1]);
        }
        ModelVersion v = new ModelVersion();
        v.metrics = metrics;
        return ModelFormats.thresholdMeaning(v);
    }

    @Test
    void withoutOutOfScopeTicketsItSaysHowToTeachIt() {
        String text = meaning("intent/threshold", 0.42, "intent/threshold_kept_share", 0.98);
        assertTrue(text.startsWith("A ticket goes to a person when the model is less than 42% sure"), text);
        assertTrue(text.contains("98 in 100 of the tickets it was checked on are answered") && text.contains("intent oos"), text);
    }

    @Test
    void tooFewHeldOutSaysHowManyAreNeeded() {
        String text = meaning("intent/threshold", 0.3, "intent/threshold_kept_share", 0.98, "intent/threshold_oos_examples", 1);
        assertTrue(text.contains("only 1 of them is labelled oos, where it needs 20"), text);
    }

    @Test
    void itSaysHowManyMoreOutOfScopeTicketsAtTheShareHeldOut() {
        // 7 of 64 held out: 20 need about 20 · 64 / 7 = 182.9 → 183 tickets, 119 more. A line at 0 hands over nobody.
        String text = meaning("intent/threshold", 0.0, "intent/threshold_kept_share", 0.98, "intent/threshold_oos_examples", 7,
                "data/oos_train_tickets", 64L);
        assertTrue(text.startsWith("No ticket goes to a person just for the model being unsure"), text);
        assertTrue(text.contains("only 7 of them are labelled oos, where it needs 20 — add about 119 more tickets labelled oos"),
                text);
        assertTrue(text.contains("apart from the tickets kept aside for measuring that the figures above are measured on"), text);
    }

    @Test
    void enoughHeldOutSaysItWasBalanced() {
        String text = meaning("intent/threshold", 0.775, "intent/threshold_oos_examples", 100);
        assertTrue(text.contains("78% sure") && text.contains("balances answering against catching the 100 out-of-scope tickets"), text);
        assertTrue(text.contains("separate test tickets"), "the line's tickets are not the ones the figures are measured on: " + text);
    }

    @Test
    void aVersionWithoutAThresholdSaysNothing() {
        assertEquals("", meaning());
    }
}
