package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** After a rejection the advice follows the check that failed: more judgements only where they would help. */
class RoundAdviceTest {
    private static RoundResult.Gate gate(String name, String verdict) {
        return RoundResult.Gate.of(name, verdict, name + " " + verdict);
    }

    @Test
    void aRejectionSaysWhatToChangeForTheCheckThatFailed() {
        String intent = RoundReport.afterRejection(List.of(gate("reward_accuracy", RoundResult.PASS),
                gate("preference_agreement", RoundResult.WAIT), gate("reply_intent", RoundResult.FAIL), gate("kl_bound", RoundResult.PASS)));
        assertTrue(intent.contains("more judgements will not fix that") && intent.contains("larger β"), intent);
        String kl = RoundReport.afterRejection(List.of(gate("preference_agreement", RoundResult.PASS), gate("kl_bound", RoundResult.FAIL)));
        assertTrue(kl.contains("moved further") && kl.contains("larger β"), kl);
        String reward = RoundReport.afterRejection(List.of(gate("reward_accuracy", RoundResult.FAIL)));
        assertTrue(reward.contains("disagree with each other"), reward);
        String preference = RoundReport.afterRejection(List.of(gate("preference_agreement", RoundResult.FAIL),
                gate("reply_intent", RoundResult.PASS)));
        assertTrue(preference.contains("not better at what reviewers prefer") && preference.contains("More judgements"), preference);
    }

    @Test
    void eachCheckAnswersInASentenceAndKeepsItsFiguresForTheFold() {
        assertEquals("Yes.", RoundFormats.answer(gate("kl_bound", RoundResult.PASS)));
        assertEquals("No.", RoundFormats.answer(gate("reply_intent", RoundResult.FAIL)));
        RoundResult.Gate waiting = new RoundResult.Gate("preference_agreement", false, "On 40 preferences kept aside for measuring … p = 0.210.", RoundResult.WAIT,
                0.05, -0.02, 0.12, 120);
        assertEquals("So far the new version agrees with reviewers more often than the active one (+5 points), on too few judgements"
                + " to be sure. Not enough evidence yet: about 120 more judgements would decide it.", RoundFormats.answer(waiting));
        RoundResult.Gate behind = new RoundResult.Gate("preference_agreement", false, "…", RoundResult.WAIT, -0.053, -0.2, 0.08, 8);
        assertTrue(RoundFormats.answer(behind).startsWith("So far the new version agrees with reviewers less often than the active"
                + " one (-5 points)"), RoundFormats.answer(behind));
        RoundResult.Gate far = new RoundResult.Gate("preference_agreement", false, "…", RoundResult.WAIT, 0.0, -0.1, 0.1, 9000);
        assertEquals("Too close to call: even 5,000 more judgements might not decide it.", RoundFormats.answer(far));
    }

    @Test
    void anUndecidedCheckSaysWhereItLeansAndWhatWouldDecideIt() {
        // Fewer than 20 held-out pairs: the count only buys a first estimate, and the page must not promise a decision.
        RoundResult.Gate first = new RoundResult.Gate("preference_agreement", false, "On 17 preferences kept aside for measuring … p = 0.500. Not enough evidence yet,"
                + " and too little to say how much more would decide it: about 35 more judgements " + Gates.FIRST_ESTIMATE + ".",
                RoundResult.WAIT, 0.059, -0.086, 0.226, 35);
        String answer = RoundFormats.answer(first);
        assertTrue(answer.endsWith("about 35 more judgements give a first estimate of how many would decide it.")
                && !answer.contains("would decide it:"), answer);
        // In the words of the checks' own introduction on the round's page, not the ML engineers' "held-out".
        assertTrue(answer.contains("too few judgements kept aside for measuring") && !answer.contains("held-out"), answer);
        // The replies-fit check waits on labelled tickets kept aside, never on judgements; and a lead wants to know it leans worse.
        RoundResult.Gate fit = new RoundResult.Gate("reply_intent", false, "On 72 labelled tickets kept aside for measuring, … More labelled test tickets"
                + " would decide it.", RoundResult.WAIT, -0.042, -0.101, 0.012, null);
        String fits = RoundFormats.answer(fit);
        assertTrue(fits.startsWith("So far the new version's replies fit what the customer asked about less often than the active"
                + " one's (-4 points)") && fits.contains("More labelled tickets kept aside") && fits.contains("not more judgements"), fits);
        AlignmentRound round = new AlignmentRound();
        round.status = AlignmentRound.NEEDS_EVIDENCE;
        round.gates = List.of(gate("reward_accuracy", RoundResult.PASS), first, fit, gate("kl_bound", RoundResult.PASS));
        String next = RoundReport.nextStep(round, 65);
        assertTrue(next.startsWith("Collect about 35 more judgements (65 items waiting for reviewers): they give a first estimate of how"
                + " many would decide the comparison.") && next.contains("more labelled tickets"), next);
        RoundResult.Gate slightly = new RoundResult.Gate("reply_intent", false, "…", RoundResult.WAIT, -0.014, -0.06, 0.03, null);
        assertTrue(RoundFormats.answer(slightly).contains("(-1 point)"), RoundFormats.answer(slightly));
        RoundResult.Gate ahead = new RoundResult.Gate("preference_agreement", false, "…", RoundResult.WAIT, 0.01, -0.05, 0.07, 300);
        assertTrue(RoundFormats.answer(ahead).contains("(+1 point)"), RoundFormats.answer(ahead));
        round.gates = List.of(gate("reward_accuracy", RoundResult.PASS), gate("preference_agreement", RoundResult.PASS), fit);
        String onlyFit = RoundReport.nextStep(round, 65);
        assertTrue(!onlyFit.contains("Collect") && onlyFit.contains("Import more labelled tickets"), onlyFit);
    }

    @Test
    void aRoundSaysWhatItLearnedFromImportedPairsIncluded() {
        AlignmentRound round = new AlignmentRound();
        round.baseVersion = 1;
        round.newJudgements = 0;
        round.replayedJudgements = 0;
        round.metrics = new HashMap<>();
        round.lineage = new HashMap<>(Map.of("importedPairs", 48));
        assertEquals(48, RoundFormats.importedPairs(round));
        assertTrue(RoundFormats.material(round).contains("no new judgements (the newest; v1 was not trained by a round), no older ones,"
                + " and 48 preference pairs imported through the API"), RoundFormats.material(round));
        round.lineage = new HashMap<>();
        assertTrue(!RoundFormats.material(round).contains("imported"), RoundFormats.material(round));
        // Stopped before its end, it learned nothing; while it runs, it is learning.
        round.lineage.put("rewardFreshStart", "Its model of reviewers' taste (reward model) started afresh.");
        round.status = AlignmentRound.CANCELLED;
        String cancelled = RoundFormats.material(round);
        assertTrue(cancelled.startsWith("This round was to learn from no new judgements") && cancelled.endsWith("It was cancelled first, so it"
                + " learned nothing from them.") && !cancelled.contains("started afresh"), cancelled);
        round.status = AlignmentRound.RUNNING;
        assertTrue(RoundFormats.material(round).startsWith("This round learns from"), RoundFormats.material(round));
        round.status = AlignmentRound.NEEDS_EVIDENCE;
        assertTrue(RoundFormats.material(round).startsWith("This round learned from") && RoundFormats.material(round).contains("afresh"),
                RoundFormats.material(round));
    }

    @Test
    void anUndecidedRoundCountsTheJudgementsGivenSinceAndSaysToStartAnotherOnceItAskedForNoMore() {
        AlignmentRound round = new AlignmentRound();
        round.id = 7L;
        round.status = AlignmentRound.NEEDS_EVIDENCE;
        round.gates = List.of(new RoundResult.Gate("preference_agreement", false, "…", RoundResult.WAIT, 0.05, -0.02, 0.12, 120),
                gate("kl_bound", RoundResult.PASS));
        RoundEstimate some = RoundEstimate.of(round, 30).orElseThrow();
        String collect = RoundReport.nextStep(round, 65, Optional.of(some));
        // Before the first round the pages give a rule of thumb of 100; the round's own count says why it differs.
        assertTrue(collect.startsWith("Collect about 120 more judgements (65 items waiting for reviewers; 30 judgements given since the round"
                + " ended): this round's estimate from the difference it measured, unlike the first round's rule of thumb of 100. Then"
                + " start another round."), collect);
        assertEquals("about 120 more judgements would let round 7's checks decide (its estimate when it ended, from the difference it"
                + " measured, unlike the first round's rule of thumb of 100; 30 judgements given since it ended)", some.forRound(round.id));
        RoundEstimate enough = RoundEstimate.of(round, 150).orElseThrow();
        String start = RoundReport.nextStep(round, 65, Optional.of(enough));
        assertTrue(start.startsWith("Start another round on Rounds: reviewers have given at least 120 judgements since this round ended, as many as"
                + " the about 120 more judgements it asked for."), start);
        assertTrue(enough.forRound(round.id).endsWith("at least 120 judgements given since it ended, enough to start another round)"),
                enough.forRound(round.id));
        round.status = AlignmentRound.REJECTED;
        assertTrue(RoundEstimate.of(round, 150).isEmpty(), "only an undecided round asks for more judgements");
    }

    @Test
    void anUndecidedRoundWhoseChecksAskedForDifferentCountsSaysItGivesTheLargest() {
        AlignmentRound round = new AlignmentRound();
        round.id = 8L;
        round.status = AlignmentRound.NEEDS_EVIDENCE;
        // One check asks for 108 on its own line, another for 120: the step's 120 must not read as a second figure for 108's.
        round.gates = List.of(new RoundResult.Gate("reward_accuracy", false, "…", RoundResult.WAIT, 0.03, -0.01, 0.07, 120),
                new RoundResult.Gate("preference_agreement", false, "…", RoundResult.WAIT, 0.05, -0.02, 0.12, 108));
        String step = RoundReport.nextStep(round, 4, RoundEstimate.of(round, 0));
        assertTrue(step.startsWith("Collect about 120 more judgements (4 items waiting for reviewers): the most any check below asks for,"
                + " from the difference it measured, unlike the first round's rule of thumb of 100. Then start another round."), step);
    }

    @Test
    void aRefusalOnThePageNamesTheFormsLabelsNotTheApisFields() {
        assertEquals("Policy epochs must be between 1 and 10000.", RoundFormats.asOnTheForm("policyEpochs must be between 1 and 10000."));
        assertEquals("β must be between 0.05 and 100 (smaller follows the reward more).",
                RoundFormats.asOnTheForm("beta must be between 0.05 and 100 (smaller follows the reward more)."));
        assertEquals("alphabetas stay", RoundFormats.asOnTheForm("alphabetas stay"));
    }
}
