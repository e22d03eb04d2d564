package dev.loopwise.model.registry;

import static dev.loopwise.model.registry.MeasuredVersions.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Another version's own page opens with what to do there, from the comparison's verdict: advice that depends on
 * something, or that could not decide, must not open as a plain "not advised" or "does better". In the application,
 * since a version's learned intents are read through the intents' former names, in the database.
 */
@QuarkusTest
class VersionPageAdviceTest {
    private static final String NOT_ADVISED = "is not advised";
    private static final String DOES_BETTER = "it does better than";

    private static ModelVersion fromRound(int number, String status, Object gateOutcome) {
        ModelVersion made = new ModelVersion();
        made.version = number;
        made.status = status;
        made.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 3, "baseVersion", 5));
        if (gateOutcome != null) {
            made.lineage.put("gateOutcome", gateOutcome);
            made.lineage.put("passedGates", "pass".equals(gateOutcome));
        }
        made.metrics = new LinkedHashMap<>();
        return made;
    }

    @Test
    void aRoundsVersionThatPassedItsGatesIsLeftToItsRoundsPage() {
        ModelVersion active = version(5, "active", 0.9, 87);
        String text = ModelsNextStep.forVersion(fromRound(7, "candidate", "pass"), active);
        assertTrue(text.startsWith("Whether to promote v7 is yours to weigh: only its round's page says whether it is better."
                + " How the two compare: v7 was made by round 3") && text.endsWith("otherwise keep v5."), text);
        assertFalse(text.contains(NOT_ADVISED), text);
    }

    @Test
    void aRoundsVersionPromotedThenRolledBackFromIsLeftToItsRoundsPage() {
        ModelVersion rolledBackFrom = fromRound(7, "retired", "pass");
        rolledBackFrom.activatedAt = OffsetDateTime.now().minusHours(2);
        String text = ModelsNextStep.forVersion(rolledBackFrom, version(5, "active", 0.9, 87));
        assertTrue(text.startsWith("Whether to roll back to v7 is yours to weigh:") && text.contains("Roll back to it only if"), text);
        assertFalse(text.contains(NOT_ADVISED), text);
    }

    @Test
    void aRoundsVersionWhoseChecksCouldNotDecideIsNotShownBetterYet() {
        String text = ModelsNextStep.forVersion(fromRound(7, ModelVersion.REJECTED, "wait"), version(5, "active", 0.9, 87));
        assertTrue(text.startsWith("Nothing to switch yet: v5, which answers customers now, stays; promoting v7 is not shown better"
                + " yet."), text);
        String failed = ModelsNextStep.forVersion(fromRound(8, ModelVersion.REJECTED, "fail"), version(5, "active", 0.9, 87));
        assertTrue(failed.startsWith("Nothing to switch: v5") && failed.contains(NOT_ADVISED), failed);
    }

    @Test
    void aVersionNeverMeasuredIsSaidAsItIs() {
        ModelVersion unmeasured = new ModelVersion();
        unmeasured.version = 6;
        unmeasured.status = "candidate";
        unmeasured.metrics = new LinkedHashMap<>();
        String text = ModelsNextStep.forVersion(unmeasured, version(5, "active", 0.9, 87));
        assertEquals("v6 has no tickets kept aside for measuring to compare it on: keep v5 unless you have checked v6 yourself.", text);
    }

    @Test
    void aTooCloseCallIsNotShownBetterYetRatherThanNotAdvised() {
        // 93.1% against 89.7% on 87 held-out tickets: within the 9.1-point band.
        String text = ModelsNextStep.forVersion(version(6, "candidate", 0.931, 87), version(5, "active", 0.897, 87));
        assertTrue(text.startsWith("Nothing to switch yet: v5, which answers customers now, stays; promoting v6 is not shown better"
                + " yet. How the two compare: v6 gets the intent right for 93.1%") && text.contains("too close to call"), text);
    }

    @Test
    void aNewIntentWithoutHeldOutTicketsIsWeighedNotSaidBetter() {
        ModelVersion active = version(22, "active", 0.82, 90);
        ModelVersion newer = version(23, "candidate", 0.80, 90);
        active.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos", "track_order")));
        newer.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "gift_wrap", "oos", "track_order"),
                "testTicketIds", List.of()));
        String text = QuarkusTransaction.requiringNew().call(() -> ModelsNextStep.forVersion(newer, active));
        assertTrue(text.startsWith("Whether to promote v23 is yours to weigh: how well it answers gift_wrap is not measured. How the"
                + " two compare: v23 knows 1 intent") && text.contains("if customers need it answered now"), text);
        assertFalse(text.contains(DOES_BETTER), text);
    }

    @Test
    void moreRightButFewerOutOfScopeHandOversIsWeighedNotSaidBetter() {
        // Accuracy 95% against 80% on 300 is beyond chance; out of scope 20% of 20 against 90% is too.
        ModelVersion candidate = version(6, "candidate", 0.95, 300, "intent/oos_recall", 0.2, "data/oos_test_tickets", 20);
        String text = ModelsNextStep.forVersion(candidate, version(5, "active", 0.80, 300, "intent/oos_recall", 0.9));
        assertTrue(text.startsWith("Whether to promote v6 is yours to weigh: it hands fewer out-of-scope requests to a person.")
                && text.contains("Careful: it hands only 20.0%"), text);
        assertFalse(text.contains(DOES_BETTER), text);
    }

    @Test
    void anActiveRoundsVersionWorseBeyondChanceOpensWithTheRollBack() {
        // Replies fit 82% against 90% on 300 tickets: 5.7-point band, so v3 is worse beyond chance.
        ModelVersion v3 = fromRound(3, ModelVersion.ACTIVE, null);
        v3.lineage.put("baseVersion", 1);
        v3.metrics.putAll(Map.of("eval/reply_intent_tickets", 300, "eval/candidate_reply_intent", 0.82, "eval/active_reply_intent", 0.90));
        ModelVersion v1 = version(1, "retired", 0.9, 87);
        v1.activatedAt = OffsetDateTime.now().minusDays(1);
        String text = ModelsNextStep.forVersion(v1, v3);
        assertTrue(text.startsWith("Roll back to v1 below: it does better than v3, which answers customers now.")
                && text.endsWith("The active one is worse beyond chance: roll back to v1."), text);
    }

    @Test
    void theSameModelTrainedAgainIsNothingToSwitch() {
        ModelVersion active = version(5, "active", 0.9, 87);
        ModelVersion again = version(6, "candidate", 0.9, 87);
        active.checksum = "abc123";
        again.checksum = "abc123";
        String text = ModelsNextStep.forVersion(again, active);
        assertTrue(text.startsWith("Nothing to switch: v5, which answers customers now, stays; promoting v6 is not advised.")
                && text.contains("is the very same model as v5"), text);
    }

    @Test
    void theFirstModelIsPromotedOnModels() {
        assertEquals("No version answers customers yet: promote this one on Models.",
                ModelsNextStep.forVersion(version(1, "candidate", 0.9, 87), null));
    }
}
