package dev.loopwise.model.registry;

import static dev.loopwise.model.registry.MeasuredVersions.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two versions compared for the Models page, on hand-computed cases: a 5-point gain is chance on 200 held-out tickets,
 * not on 400. In the application, since a version's learned intents are read through the intents' former names, in the
 * database.
 */
@QuarkusTest
class VersionComparisonTest {
    @Inject
    WorkspaceService workspace;

    @Test
    void theVerySameModelTrainedAgainIsNotWorthPromoting() {
        ModelVersion again = version(2, "candidate", 0.90, 200);
        ModelVersion active = version(1, "active", 0.90, 200);
        again.checksum = "abc";
        active.checksum = "abc";
        assertEquals("v2 is the very same model as v1 (trained again on unchanged data): promoting it would change nothing. Keep v1.",
                VersionComparison.compare(again, active));
        again.checksum = "abd";
        assertTrue(VersionComparison.compare(again, active).contains("too close to call"), VersionComparison.compare(again, active));
    }

    @Test
    void aVersionThatLearnedIntentsTheActiveOneNeverSawIsPromotedUnlessItIsWorseBeyondChance() {
        // The user's case: v3 92.3% on its 155 held-out tickets, the active v1 89.7% on its own 87, which held no ticket of the new intents.
        ModelVersion newer = version(3, "candidate", 0.923, 155);
        ModelVersion active = version(1, "active", 0.897, 87);
        active.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos", "track_order")));
        newer.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "check_invoice", "oos", "recover_password", "track_order")));
        String text = VersionComparison.compare(newer, active);
        assertTrue(text.startsWith("v3 knows 2 intents the active v1 never learned (check_invoice, recover_password)")
                && text.endsWith("promote v3 below."), text);
        assertTrue(VersionComparison.prefers(newer, active));
        // The other way round: the older version does not know what the active one answers.
        String back = VersionComparison.compare(active, newer);
        assertTrue(back.startsWith("v1 does not know 2 intents the active v3 answers") && back.endsWith("keep v3."), back);
        assertTrue(!VersionComparison.prefers(active, newer));
        // Worse beyond chance (p = 0.7485, band = 2·sqrt(2·0.7485·0.2515/155) = 9.9 points < 29.7): the figures decide.
        ModelVersion poor = version(4, "candidate", 0.60, 155);
        poor.lineage = newer.lineage;
        assertTrue(VersionComparison.compare(poor, active).endsWith("keep v1; v4 is worse."), VersionComparison.compare(poor, active));
    }

    @Test
    void aVersionThatLearnedNewIntentsButHandsOverFarFewerOffTopicRequestsIsWeighedNotPromoted() {
        // The walkthrough's case: v5 82.2% on its held-out tickets against 89.7% (within the band on 90), and off-topic
        // requests handed over 43.8% of 16 against 93.8%: band = 2·sqrt(2·0.688·0.312/16) = 32.8 points < 50.
        ModelVersion newer = version(5, "candidate", 0.822, 90, "intent/oos_recall", 0.438, "data/oos_test_tickets", 16);
        ModelVersion active = version(3, "active", 0.897, 87, "intent/oos_recall", 0.938);
        active.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos", "track_order")));
        newer.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "gift_wrap", "oos", "track_order")));
        String text = VersionComparison.compare(newer, active);
        assertTrue(text.startsWith("v5 knows 1 intent the active v3 never learned (gift_wrap)")
                && text.contains("Careful: it hands only 43.8% of the 16 out-of-scope tickets kept aside for measuring")
                && text.contains("Weigh the two before you promote v5") && !text.contains("promote v5 below"), text);
        // One new intent is spoken of as one, two as two.
        assertTrue(text.endsWith("training again after labelling more tickets of the new intent often gives both."), text);
        newer.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "gift_wrap", "oos", "price_match", "track_order")));
        String two = VersionComparison.compare(newer, active);
        assertTrue(two.startsWith("v5 knows 2 intents the active v3 never learned (gift_wrap, price_match)")
                && two.endsWith("training again after labelling more tickets of the new intents often gives both."), two);
    }

    @Test
    void anIntentRemovedSinceIsNotSpokenOfAsOneTheActiveVersionLacks() {
        String gone = "gone_" + UUID.randomUUID().toString().substring(0, 8);
        Intent intent = new Intent();
        intent.name = gone;
        intent.description = "An intent removed before the comparison";
        QuarkusTransaction.requiringNew().run(intent::persist);
        ModelVersion older = version(1, "retired", 0.90, 200);
        older.activatedAt = OffsetDateTime.now().minusDays(1);
        older.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", gone, "oos")));
        ModelVersion active = version(2, "active", 0.90, 200);
        active.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos")));
        String before = VersionComparison.compare(older, active);
        assertTrue(before.contains(gone), before);
        workspace.removeIntent(gone, null);
        older.lineage = new LinkedHashMap<>(older.lineage); // read again, as a page after the removal does
        String after = VersionComparison.compare(older, active);
        assertTrue(!after.contains(gone) && after.contains("too close to call"), after);
    }

    @Test
    void aCandidateThatLosesAnIntentSaysSoEvenWhenItsNewOneIsNotMeasured() {
        // v9 gains gift_wrap, none of whose tickets was kept aside, and loses price_match: the loss is said first.
        ModelVersion candidate = version(9, "candidate", 0.90, 200);
        candidate.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "gift_wrap", "oos"),
                "testTicketIds", List.of(-1L)));
        ModelVersion active = version(8, "active", 0.90, 200);
        active.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos", "price_match")));
        String text = VersionComparison.compare(candidate, active);
        assertTrue(text.startsWith("v9 knows 1 intent the active v8 never learned (gift_wrap)")
                && text.contains("But v9 does not know 1 intent v8 answers (price_match)") && !text.contains("answered now"), text);
    }

    @Test
    void aGainWithinTwoStandardErrorsIsTooCloseToCall() {
        // p = 0.925, band = 2·sqrt(2·0.925·0.075/200) = 5.27 points > 5 points.
        String text = VersionComparison.compare(version(2, "candidate", 0.95, 200), version(1, "active", 0.90, 200));
        assertTrue(text.contains("too close to call on 200 tickets") && text.contains("5.3 points"), text);
        // Held, a 5-point gap leaves the band at 8·0.925·0.075/0.05² = 222 held-out tickets: 22 more, five labelled for each.
        assertTrue(text.endsWith("if the gap of 5.0 points is real, about 110 more labelled tickets would show it (one in five is kept aside"
                + " for measuring)."), text);
    }

    @Test
    void aTooCloseCallSaysAboutHowManyMoreLabelledTicketsWouldDecideIt() {
        // The demo's fine-tuned version: 93.1% against 89.7% on 87 held-out tickets; 544 would decide, 457 more, 2,285 labelled.
        String text = VersionComparison.compare(version(3, "candidate", 0.931, 87), version(1, "active", 0.897, 87));
        assertTrue(text.contains("too close to call on 87 tickets") && text.contains("about 2,300 more labelled tickets would show it"), text);
        // No gap: no number of tickets would decide, and the page does not send the lead after one.
        String even = VersionComparison.compare(version(3, "candidate", 0.90, 87), version(1, "active", 0.90, 87));
        assertTrue(even.endsWith("Keep v1: the two do about as well, and more tickets would hardly tell them apart."), even);
    }

    @Test
    void aDropInOutOfScopeRecallBeyondChanceIsSaidEvenWhenAccuracyIsTooCloseToCall() {
        // Out of scope: 16 held-out tickets, 56.3% against 93.8%: p = 0.75, band = 2·sqrt(2·0.75·0.25/16) = 30.6 points < 37.5.
        ModelVersion candidate = version(2, "candidate", 0.81, 90, "intent/oos_recall", 0.563, "data/oos_test_tickets", 16);
        ModelVersion active = version(1, "active", 0.85, 90, "intent/oos_recall", 0.938);
        String text = VersionComparison.compare(candidate, active);
        assertTrue(text.contains("too close to call on 90 tickets") && text.contains("56.3% of the 16 out-of-scope tickets kept aside for measuring")
                && text.endsWith("Keep v1."), text);
        // With 4 of them the same drop is within chance: band = 61.2 points.
        candidate.metrics.put("data/oos_test_tickets", 4);
        assertTrue(!VersionComparison.compare(candidate, active).contains("out-of-scope"), VersionComparison.compare(candidate, active));
    }

    @Test
    void aRoundsVersionIsComparedOnWhatTheRoundChangedNotOnMissingIntentFigures() {
        ModelVersion made = new ModelVersion();
        made.version = 4;
        made.status = ModelVersion.REJECTED;
        made.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 2));
        made.metrics = new LinkedHashMap<>(Map.of("eval/reply_intent_tickets", 71, "eval/candidate_reply_intent", 0.83,
                "eval/active_reply_intent", 0.90));
        String text = VersionComparison.compare(made, version(1, "active", 0.9, 87));
        assertTrue(text.startsWith("v4 was made by round 2") && text.contains("On 71 tickets kept aside for measuring its replies fit the ticket's"
                + " intent 83% of the time, the version it started from 90%.") && text.endsWith("keep v1."), text);
    }

    @Test
    void aRoundsVersionWhoseRoundDidNotShowItBetterIsNotAdvisedOverItsBaseOnceActive() {
        // Round 1 on v1 ended undecided: promoting v4 was advised against ("keep v1"). Promoted anyway, going back to v1 must
        // not be advised against in turn ("keep v4"): the advice would flip with which version happens to serve.
        ModelVersion v4 = new ModelVersion();
        v4.version = 4;
        v4.status = ModelVersion.REJECTED;
        v4.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 1, "baseVersion", 1, "passedGates", false));
        v4.metrics = new LinkedHashMap<>(Map.of("eval/reply_intent_tickets", 72, "eval/candidate_reply_intent", 0.85,
                "eval/active_reply_intent", 0.89));
        ModelVersion v1 = version(1, "active", 0.897, 87);
        v1.activatedAt = OffsetDateTime.now().minusDays(1);
        assertTrue(VersionComparison.compare(v4, v1).endsWith("keep v1."), VersionComparison.compare(v4, v1));
        v4.status = ModelVersion.ACTIVE;
        v4.activatedAt = OffsetDateTime.now();
        v1.status = ModelVersion.RETIRED;
        String back = VersionComparison.compare(v1, v4);
        assertTrue(back.contains("fit the ticket's intent 85% of the time, v1's 89%") && back.contains("was promoted by hand")
                && back.contains("roll back to v1") && !back.contains("keep v4"), back);
        assertTrue(!VersionComparison.prefers(v1, v4), "v1 was not shown better either: the Models page does not claim it did better");
        // A round that passed its gates (or a version from before rounds recorded it) keeps the comparison as it was.
        v4.lineage.put("passedGates", true);
        assertTrue(VersionComparison.compare(v1, v4).endsWith("keep v4."), VersionComparison.compare(v1, v4));
    }

    @Test
    void aGainBeyondThemSaysPromote() {
        // band = 2·sqrt(2·0.925·0.075/400) = 3.72 points < 5 points.
        assertTrue(VersionComparison.compare(version(2, "candidate", 0.95, 400), version(1, "active", 0.90, 400))
                .endsWith("promote v2 below."));
        assertTrue(VersionComparison.compare(version(2, "candidate", 0.85, 400), version(1, "active", 0.90, 400)).contains("v2 is worse"));
    }

    @Test
    void aPromotionAlsoSaysWhenTheRepliesGotWorseBeyondChance() {
        ModelVersion candidate = version(2, "candidate", 0.95, 400);
        ModelVersion active = version(1, "active", 0.90, 400);
        // p = 0.5, band = 2·sqrt(2·0.25/400) = 7.07 points: a 5-point drop is chance, a 10-point drop is not.
        candidate.metrics.put("policy/agent_agreement", 0.45);
        active.metrics.put("policy/agent_agreement", 0.50);
        assertTrue(VersionComparison.compare(candidate, active).endsWith("promote v2 below."));
        candidate.metrics.put("policy/agent_agreement", 0.45);
        active.metrics.put("policy/agent_agreement", 0.55);
        assertTrue(VersionComparison.compare(candidate, active).contains("picks the reply your agents chose less often (45.0% against 55.0%)"));
    }
}
