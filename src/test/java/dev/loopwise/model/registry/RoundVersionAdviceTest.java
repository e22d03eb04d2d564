package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.version.ModelVersion;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A round's version that was not promoted says whether its round found it worse or could not decide yet. */
class RoundVersionAdviceTest {

    private static ModelVersion fromRound(Object gateOutcome) {
        ModelVersion v = new ModelVersion();
        v.version = 2;
        v.status = ModelVersion.REJECTED;
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("alignmentRound", 1);
        lineage.put("baseVersion", 1);
        lineage.put("passedGates", false);
        if (gateOutcome != null) {
            lineage.put("gateOutcome", gateOutcome);
        }
        v.lineage = lineage;
        v.metrics = new LinkedHashMap<>(Map.of("eval/candidate_reply_intent", 0.82, "eval/active_reply_intent", 0.90,
                "eval/reply_intent_tickets", 120));
        return v;
    }

    @Test
    void aFailedCheckSaysWorseAndAWaitingOneSaysUndecided() {
        assertEquals("one of its checks found it worse", RoundVersionAdvice.roundVerdict(fromRound("fail")));
        // An undecided round may wait on labelled tickets rather than judgements: the words promise neither.
        String waiting = RoundVersionAdvice.roundVerdict(fromRound("wait"));
        assertTrue(waiting.startsWith("undecided") && !waiting.contains("more judgements"), waiting);
        // Versions stored before rounds recorded their outcome cannot tell.
        assertEquals("undecided, or worse", RoundVersionAdvice.roundVerdict(fromRound(null)));
        ModelVersion active = new ModelVersion();
        active.version = 1;
        active.status = ModelVersion.ACTIVE;
        String advice = RoundVersionAdvice.fromRound(fromRound("fail"), active, 1).text();
        assertTrue(advice.contains("(one of its checks found it worse): keep v1.") && advice.contains("fit the ticket's intent 82%"), advice);
    }

    @Test
    void aVersionWhoseRoundCouldNotDecideIsNotBadgedAsRefused() {
        assertEquals("not decided yet", ModelFormats.statusText(fromRound("wait")));
        assertEquals("needs_evidence", ModelFormats.badgeClass(fromRound("wait")), "the round's waiting colour, not a refusal's red");
        assertEquals("not promoted", ModelFormats.statusText(fromRound("fail")));
        assertEquals("rejected", ModelFormats.badgeClass(fromRound("fail")));
        assertEquals("not promoted", ModelFormats.statusText(fromRound(null)), "a version that cannot tell keeps the older words");
        ModelVersion candidate = fromRound("wait");
        candidate.status = ModelVersion.CANDIDATE;
        assertEquals("candidate", ModelFormats.badgeClass(candidate), "only a version that was not promoted reads its round's outcome");
    }

    /** Promoted by hand, then rolled back from: its round's verdict still stands, and the way back is a roll back. */
    @Test
    void aRoundsVersionServedBeforeKeepsItsRoundsVerdictAndNamesItsButton() {
        ModelVersion active = new ModelVersion();
        active.version = 1;
        active.status = ModelVersion.ACTIVE;
        ModelVersion undecided = fromRound("wait");
        undecided.status = ModelVersion.RETIRED;
        undecided.activatedAt = OffsetDateTime.now().minusHours(1);
        String advice = RoundVersionAdvice.fromRound(undecided, active, 1).text();
        assertTrue(advice.contains("Its round did not show it to be better (undecided") && advice.endsWith("keep v1."), advice);
        assertFalse(advice.contains("Promote it"), advice);
        ModelVersion passed = fromRound("pass");
        passed.lineage.put("passedGates", true);
        passed.status = ModelVersion.RETIRED;
        passed.activatedAt = OffsetDateTime.now().minusHours(1);
        String back = RoundVersionAdvice.fromRound(passed, active, 1).text();
        assertTrue(back.contains(" Roll back to it only if its round's page says it is better; otherwise keep v1."), back);
        passed.activatedAt = null;
        passed.status = ModelVersion.CANDIDATE;
        assertTrue(RoundVersionAdvice.fromRound(passed, active, 1).text().contains(" Promote it only if"), "a version never served is promoted");
    }
}
