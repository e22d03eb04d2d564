package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A version the page advises against is offered with a plain button, and its question gives each reason once. In the
 * application, since a version's learned intents are read in the database.
 */
@QuarkusTest
class PromoteButtonsTest {

    private static ModelVersion notPromotedRoundVersion() {
        ModelVersion v = new ModelVersion();
        v.version = 2;
        v.status = ModelVersion.REJECTED;
        v.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 1, "baseVersion", 1, "passedGates", false, "gateOutcome", "fail"));
        v.metrics = new LinkedHashMap<>(Map.of("eval/candidate_reply_intent", 0.79, "eval/active_reply_intent", 0.90,
                "eval/reply_intent_tickets", 71));
        return v;
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aVersionItsRoundFoundWorseIsNotTheMainButtonAndSaysWhyOnce() {
        ModelVersion active = MeasuredVersions.version(1, ModelVersion.ACTIVE, 0.90, 87);
        ModelVersion rejected = notPromotedRoundVersion();
        assertEquals("secondary", PromoteButtons.buttonClass(rejected, active));
        String question = PromoteButtons.question(rejected, active);
        assertEquals(1, occurrences(question, "one of its checks found it worse"), question);
        assertTrue(question.contains("Make it answer customers anyway?") && question.endsWith("keep v1."), question);
        // With nothing answering, the question still says why the round did not promote it.
        String alone = PromoteButtons.question(rejected, null);
        assertTrue(alone.contains("did not pass its round: the round did not show it to be better (one of its checks found it worse)"), alone);
    }

    @Test
    void onlyAVersionThePageAdvisesIsTheMainButton() {
        ModelVersion active = MeasuredVersions.version(1, ModelVersion.ACTIVE, 0.70, 400);
        assertEquals("primary", PromoteButtons.buttonClass(MeasuredVersions.version(2, ModelVersion.CANDIDATE, 0.90, 400), active));
        assertEquals("secondary", PromoteButtons.buttonClass(MeasuredVersions.version(3, ModelVersion.CANDIDATE, 0.71, 400), active),
                "too close to call: the page says keep the active one");
        assertEquals("primary", PromoteButtons.buttonClass(MeasuredVersions.version(4, ModelVersion.CANDIDATE, 0.71, 400), null),
                "with nothing answering, any version is better than none");
    }
}
