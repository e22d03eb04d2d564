package dev.loopwise.model.registry;

import static dev.loopwise.model.registry.MeasuredVersions.version;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.model.registry.ComparisonAdvice.Verdict;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Promote or Roll back button is offered as the advised one exactly where the version's page advises the switch: a
 * page that leaves the choice to the lead, or could not decide, does not draw the lead to the button by its colour. In
 * the application, since a version's learned intents and held-out tickets are read in the database.
 */
@QuarkusTest
class AdvisedButtonTest {

    /** The verdict the page opens with, and the button it offers: they must tell the same thing. */
    private static void assertAdvice(Verdict expected, ModelVersion candidate, ModelVersion active) {
        QuarkusTransaction.requiringNew().run(() -> {
            ComparisonAdvice advice = VersionComparison.advise(candidate, active);
            assertEquals(expected, advice.verdict(), advice.text());
            assertEquals(expected == Verdict.SWITCH ? "primary" : "secondary", PromoteButtons.buttonClass(candidate, active), advice.text());
            assertEquals(expected == Verdict.SWITCH, VersionComparison.prefers(candidate, active), advice.text());
        });
    }

    private static Map<String, Object> intents(String... names) {
        return new LinkedHashMap<>(Map.of("intents", List.of(names)));
    }

    @Test
    void moreRightButFewerOutOfScopeHandOversIsNotTheAdvisedButton() {
        // Accuracy 95% against 80% on 300 is beyond chance; out of scope 20% of 20 against 90% is too.
        ModelVersion candidate = version(6, "candidate", 0.95, 300, "intent/oos_recall", 0.2, "data/oos_test_tickets", 20);
        assertAdvice(Verdict.CONDITIONAL, candidate, version(5, "active", 0.80, 300, "intent/oos_recall", 0.9));
        // Without the out-of-scope drop the same gain is advised.
        assertAdvice(Verdict.SWITCH, version(7, "candidate", 0.95, 300), version(5, "active", 0.80, 300));
    }

    @Test
    void moreRightButTheAgentsRepliesPickedLessOftenIsNotTheAdvisedButton() {
        // Intents: band 3.72 points < 5; replies: band 7.07 points < 10.
        ModelVersion candidate = version(2, "candidate", 0.95, 400, "policy/agent_agreement", 0.45);
        assertAdvice(Verdict.CONDITIONAL, candidate, version(1, "active", 0.90, 400, "policy/agent_agreement", 0.55));
    }

    @Test
    void aNewIntentAtThePriceOfOutOfScopeHandOversIsNotTheAdvisedButton() {
        // 82.2% against 89.7% is within the band on 90; out of scope 43.8% of 16 against 93.8% is beyond its 32.8 points.
        ModelVersion newer = version(5, "candidate", 0.822, 90, "intent/oos_recall", 0.438, "data/oos_test_tickets", 16);
        ModelVersion active = version(3, "active", 0.897, 87, "intent/oos_recall", 0.938);
        active.lineage = intents("cancel_order", "oos", "track_order");
        newer.lineage = intents("cancel_order", "gift_wrap", "oos", "track_order");
        assertAdvice(Verdict.CONDITIONAL, newer, active);
        // Handing over as many, the new intent is advised; and going back to the version without it is not.
        newer.metrics.put("intent/oos_recall", 0.938);
        assertAdvice(Verdict.SWITCH, newer, active);
        assertAdvice(Verdict.KEEP, active, newer);
    }

    @Test
    void twoVersionsThatEachKnowAnIntentTheOtherNeverLearnedAreNeitherAdvisedEitherWay() {
        // Within chance of each other, so before a promotion and after it the button must say the same.
        ModelVersion active = version(31, "active", 0.85, 90);
        ModelVersion newer = version(32, "candidate", 0.86, 90);
        active.lineage = intents("cancel_order", "oos", "price_match", "track_order");
        newer.lineage = intents("cancel_order", "gift_wrap", "oos", "track_order");
        assertAdvice(Verdict.CONDITIONAL, newer, active);
        assertAdvice(Verdict.CONDITIONAL, active, newer);
        QuarkusTransaction.requiringNew().run(() -> {
            ComparisonAdvice advice = VersionComparison.advise(newer, active);
            assertEquals("v32 does not know price_match", advice.reason(), advice.text());
            assertEquals("v31 does not know gift_wrap", VersionComparison.advise(active, newer).reason());
        });
    }

    @Test
    void aNewIntentWithoutHeldOutTicketsIsNotTheAdvisedButton() {
        ModelVersion active = version(22, "active", 0.82, 90);
        ModelVersion newer = version(23, "candidate", 0.80, 90);
        active.lineage = intents("cancel_order", "oos", "track_order");
        newer.lineage = intents("cancel_order", "gift_wrap", "oos", "track_order");
        newer.lineage.put("testTicketIds", List.of());
        assertAdvice(Verdict.CONDITIONAL, newer, active);
    }

    @Test
    void aTooCloseCallIsNotTheAdvisedButtonEitherWay() {
        // 93.1% against 89.7% on 87 held-out tickets: within the 9.1-point band, whichever answers.
        assertAdvice(Verdict.UNDECIDED, version(6, "candidate", 0.931, 87), version(5, "active", 0.897, 87));
        assertAdvice(Verdict.UNDECIDED, version(5, "retired", 0.897, 87), version(6, "active", 0.931, 87));
    }

    @Test
    void aRoundsVersionIsNotTheAdvisedButtonOverItsBase() {
        ModelVersion base = version(5, "active", 0.9, 87);
        ModelVersion passed = new ModelVersion();
        passed.version = 7;
        passed.status = "candidate";
        passed.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 3, "baseVersion", 5, "passedGates", true, "gateOutcome", "pass"));
        passed.metrics = new LinkedHashMap<>(Map.of("eval/reply_intent_tickets", 300, "eval/candidate_reply_intent", 0.95,
                "eval/active_reply_intent", 0.90));
        // Only its round's page says whether it is better.
        assertAdvice(Verdict.CONDITIONAL, passed, base);
        // Promoted, and worse beyond chance than its base (82% against 90% on 300): going back is advised.
        passed.status = ModelVersion.ACTIVE;
        passed.metrics.put("eval/candidate_reply_intent", 0.82);
        base.status = ModelVersion.RETIRED;
        base.activatedAt = OffsetDateTime.now().minusDays(1);
        assertAdvice(Verdict.SWITCH, base, passed);
        // Within chance (88% against 90%) after the round passed: keep it, the base is not advised.
        passed.metrics.put("eval/candidate_reply_intent", 0.88);
        assertAdvice(Verdict.UNDECIDED, base, passed);
    }
}
