package dev.loopwise.model.registry;

import static dev.loopwise.model.registry.MeasuredVersions.version;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The active version never learned an intent labelled since, and the version before it knows it and does better: going
 * back answers those customers at once, so the Models page names it rather than only asking for a new training.
 */
@QuarkusTest
class BetterVersionBeforeKnowsNewIntentTest {
    @Test
    void theVersionBeforeIsNamedWhenItKnowsWhatTheActiveOneNeverLearned() {
        String added = "gift_" + UUID.randomUUID().toString().substring(0, 8);
        ModelVersion v1 = version(1, "retired", 0.85, 90);
        v1.activatedAt = OffsetDateTime.now().minusDays(1);
        v1.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos", "track_order", added)));
        ModelVersion v2 = version(2, "active", 0.85, 90);
        v2.activatedAt = OffsetDateTime.now();
        v2.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos", "track_order")));
        Map<String, Long> labelled = new LinkedHashMap<>(Map.of("cancel_order", 18L, "oos", 64L, "track_order", 18L, added, 18L));
        String text = ModelsNextStep.of(List.of(v2, v1), List.of(), labelled);
        assertTrue(text.startsWith("v2 answers customers, but the version before it did better.") && text.contains("v1 knows 1 intent")
                && text.endsWith("roll back to v1 below."), text);
        // Without the version before, the page asks for a training that learns it.
        String alone = ModelsNextStep.of(List.of(v2), List.of(), labelled);
        assertTrue(alone.contains("never learned 1 intent your tickets now have (" + added + ")") && alone.contains("Train a new version"), alone);
    }
}
