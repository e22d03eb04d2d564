package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.reward.RewardEvaluation;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.round.GateStatistics.Paired;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rejecting a candidate takes the evidence promoting it takes: preferences from at least 10 different held-out tickets.
 * Short of that a gate whose result leans towards failing waits, and says about how many more judgements would bring the
 * tickets, as one leaning towards passing does. Intervals below are worked by hand at z = 1.645 (90%).
 */
class GatesRejectOnEnoughTicketsTest {
    private static final RoundSettings SETTINGS = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 1,
            RewardTrainer.Config.defaults(1), RoundSettings.VECTOR_REWARD, 4, 0.2, 0.55, 0.02, 1.0);
    private static final RewardEvaluation GOOD_REWARD = new RewardEvaluation(200, 150, 0, 0.75, 1.0, 0.05);
    private static final Paired SAME_INTENTS = new Paired(90, 0, 0, 10);
    private static final Paired CLEARLY_BETTER = new Paired(100, 25, 5, 70);

    @Test
    void aRewardModelRankingEverythingWrongOnOneTicketWaitsAndFailsOnTen() {
        // 3 preferences of one ticket, all ranked wrong: Wilson's top is z² / (3 + z²) = 2.706 / 5.706 = 47.4%, under the 55%
        // floor, which used to reject the candidate on one ticket's reading.
        RoundResult.Gate one = gate(new RewardEvaluation(3, 0, 0, 0.0, -1.0, 0.0), CLEARLY_BETTER, 50, 1, 100, "reward_accuracy");
        assertEquals(RoundResult.WAIT, one.verdict(), one.detail());
        assertEquals(0.474, one.high(), 0.001);
        // 9 more tickets at 1 ticket per 50 judgements.
        assertEquals(450, one.moreJudgements(), one.detail());
        assertTrue(one.detail().contains("So far it falls short of the floor. Not enough evidence yet: they come from only 1 ticket, and"
                + " this check passes or fails a version only on preferences from at least 10 different tickets")
                && one.detail().endsWith(" About 450 more judgements would decide it."), one.detail());
        // 10 preferences from 10 tickets, all wrong: top 2.706 / 12.706 = 21.3%, and that rejects, as 10 of 10 right passes.
        RoundResult.Gate ten = gate(new RewardEvaluation(10, 0, 0, 0.0, -1.0, 0.0), CLEARLY_BETTER, 50, 10, 100, "reward_accuracy");
        assertEquals(RoundResult.FAIL, ten.verdict(), ten.detail());
        assertEquals(0.213, ten.high(), 0.001);
        assertNull(ten.moreJudgements());
        RoundResult.Gate right = gate(new RewardEvaluation(10, 10, 0, 1.0, 1.0, 0.0), CLEARLY_BETTER, 50, 10, 100, "reward_accuracy");
        assertEquals(RoundResult.PASS, right.verdict(), right.detail());
        // Nine tickets, one short: waits for one more ticket's worth (1 / (9 / 50) = 5.6, so 6 judgements).
        RoundResult.Gate nine = gate(new RewardEvaluation(10, 0, 0, 0.0, -1.0, 0.0), CLEARLY_BETTER, 50, 9, 100, "reward_accuracy");
        assertEquals(RoundResult.WAIT, nine.verdict(), nine.detail());
        assertEquals(6, nine.moreJudgements(), nine.detail());
    }

    @Test
    void aRewardModelScoringAllAlikeFailsOnlyOnEnoughTickets() {
        // 300 preferences all scored alike, 50% with a tie as half right: top 0.5 + 1.645 · √(0.25 / 300 + 2.706 / 360000) / 1.009
        // = 54.7%, under the floor. From one ticket (a ticket with 25 library replies has 300 pairs) that waits.
        RewardEvaluation allAlike = RewardEvaluation.of(new double[300], new int[300]);
        RoundResult.Gate one = gate(allAlike, CLEARLY_BETTER, 300, 1, 100, "reward_accuracy");
        assertEquals(RoundResult.WAIT, one.verdict(), one.detail());
        assertEquals(0.547, one.high(), 0.001);
        // 9 more tickets; 1 ticket in 300 judgements is below the planning floor of 1 in 100, so 900.
        assertEquals(900, one.moreJudgements(), one.detail());
        assertEquals(RoundResult.FAIL, gate(allAlike, CLEARLY_BETTER, 300, 10, 100, "reward_accuracy").verdict());
        // No held-out preference at all: waits, as before.
        assertEquals(RoundResult.WAIT, gate(new RewardEvaluation(0, 0, 0, null, null, null), CLEARLY_BETTER, 50, 0, 100,
                "reward_accuracy").verdict());
    }

    @Test
    void aCandidateNotBetterOnOneTicketWaitsAndFailsOnTen() {
        // 20 reply pairs of one ticket: the active version right on all, the candidate on half. −50 points, its interval far
        // under +2, which used to reject the candidate.
        RoundResult.Gate one = gate(GOOD_REWARD, new Paired(10, 0, 10, 0), 50, 100, 1, "preference_agreement");
        assertEquals(RoundResult.WAIT, one.verdict(), one.detail());
        assertTrue(one.high() < Gates.MIN_EFFECT, one.detail());
        assertEquals(450, one.moreJudgements(), one.detail());
        assertTrue(one.detail().contains("So far the candidate is not better. Not enough evidence yet: they come from only 1 ticket")
                && one.detail().endsWith(" About 450 more judgements would decide it."), one.detail());
        assertEquals(RoundResult.FAIL, gate(GOOD_REWARD, new Paired(10, 0, 10, 0), 50, 100, 10, "preference_agreement").verdict());
        // The versions never differ (all ties between them) on 40 pairs, half right: a paired interval of exactly zero width
        // (φ = 1), so not 2 points better. From one ticket that waits; from ten it fails.
        RoundResult.Gate alike = gate(GOOD_REWARD, new Paired(20, 0, 0, 20), 50, 100, 1, "preference_agreement");
        assertEquals(RoundResult.WAIT, alike.verdict(), alike.detail());
        assertEquals(0.0, alike.low(), 1e-9);
        assertEquals(0.0, alike.high(), 1e-9);
        assertEquals(RoundResult.FAIL, gate(GOOD_REWARD, new Paired(20, 0, 0, 20), 50, 100, 10, "preference_agreement").verdict());
        // No held-out preference to compare on: waits, as before.
        assertEquals(RoundResult.WAIT, gate(GOOD_REWARD, new Paired(0, 0, 0, 0), 50, 100, 0, "preference_agreement").verdict());
    }

    @Test
    void aRoundLeaningToRejectionOnOneTicketNeedsEvidenceRatherThanBeingRejected() {
        Gates.Evidence evidence = new Gates.Evidence(new RewardEvaluation(3, 0, 0, 0.0, -1.0, 0.0), new Paired(10, 0, 10, 0),
                SAME_INTENTS, 0.1, 50, 1, 1);
        RoundResult result = new RoundResult(null, Map.of(), Gates.check(SETTINGS, evidence), Map.of());
        assertEquals(RoundResult.WAIT, result.outcome(), result.gates().toString());
        assertEquals(450, result.moreJudgements());
    }

    private static RoundResult.Gate gate(RewardEvaluation reward, Paired preferences, int judgements, int rewardTickets,
                                         int preferenceTickets, String name) {
        return Gates.check(SETTINGS, new Gates.Evidence(reward, preferences, SAME_INTENTS, 0.1, judgements, rewardTickets,
                preferenceTickets)).stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
    @Test
    void repliesThatStopFittingTheIntentFailOnlyOnTenLabelledTickets() {
        // 3 held-out labelled tickets, the active version's reply fits all three and the candidate's none. Newcombe's paired
        // interval: Wilson at z = 1.645 gives [0, 47.4%] on 0/3 and [52.6%, 100%] on 3/3, φ = 0 (a zero margin), so the top of
        // the difference is 0 − 1 + √(0.474² + 0.474²) = −32.9%, far below the 2-point margin: worse so far, on three tickets.
        RoundResult.Gate three = gate(GOOD_REWARD, CLEARLY_BETTER, new Paired(0, 0, 3, 0), "reply_intent");
        assertEquals(RoundResult.WAIT, three.verdict(), three.detail());
        assertEquals(-0.329, three.high(), 0.001);
        assertTrue(three.detail().contains("So far the candidate is worse, but this check fails a version only on at least 10"
                + " labelled tickets kept for checking"), three.detail());
        // Nine is one short; ten the same way round reject.
        assertEquals(RoundResult.WAIT, gate(GOOD_REWARD, CLEARLY_BETTER, new Paired(0, 0, 9, 0), "reply_intent").verdict());
        RoundResult.Gate ten = gate(GOOD_REWARD, CLEARLY_BETTER, new Paired(0, 0, 10, 0), "reply_intent");
        assertEquals(RoundResult.FAIL, ten.verdict(), ten.detail());
        assertTrue(ten.detail().endsWith("The candidate is worse."), ten.detail());
        // A candidate that loses none of the active version's fitting replies passes on any count: it cannot have made one worse.
        assertEquals(RoundResult.PASS, gate(GOOD_REWARD, CLEARLY_BETTER, new Paired(3, 0, 0, 0), "reply_intent").verdict());
    }

    @Test
    void aCrossEncoderRoundPassesOnlyWhenTheRewardModelItKeepsPassesToo() {
        // The cross-encoder ranks 150 of 200 right (75%, p far below 0.05); the vector model the version keeps ranks 100 of 200
        // (50%): Wilson's top at z = 1.645 is 0.5 + 1.645 · √(0.25 / 200 + 2.706 / 160000) / 1.0135 = 55.8%, over the 55% floor,
        // so on its own it waits, and the gate with it.
        RewardEvaluation chance = new RewardEvaluation(200, 100, 0, 0.5, 0.0, 0.05);
        RoundResult.Gate both = Gates.check(SETTINGS, new Gates.Evidence(GOOD_REWARD, CLEARLY_BETTER, SAME_INTENTS, 0.1, 1000, 100, 100,
                chance)).stream().filter(g -> g.name().equals("reward_accuracy")).findFirst().orElseThrow();
        assertEquals(RoundResult.WAIT, both.verdict(), both.detail());
        assertEquals(0.75, both.effect(), 1e-9, "the figure shown is the cross-encoder's");
        assertTrue(both.detail().startsWith("The cross-encoder this round learned with (it reads the replies themselves): On 200"),
                both.detail());
        // 80 of 200 right (40%): top (0.4 + 2.706 / 400 + 1.645 · √(0.24 / 200 + 2.706 / 160000)) / 1.0135 = 45.8%, under the floor.
        RewardEvaluation worse = new RewardEvaluation(200, 80, 0, 0.4, -0.1, 0.05);
        assertEquals(RoundResult.FAIL, Gates.check(SETTINGS, new Gates.Evidence(GOOD_REWARD, CLEARLY_BETTER, SAME_INTENTS, 0.1, 1000,
                100, 100, worse)).stream().filter(g -> g.name().equals("reward_accuracy")).findFirst().orElseThrow().verdict());
        // Both good: it passes.
        assertEquals(RoundResult.PASS, Gates.check(SETTINGS, new Gates.Evidence(GOOD_REWARD, CLEARLY_BETTER, SAME_INTENTS, 0.1, 1000,
                100, 100, GOOD_REWARD)).stream().filter(g -> g.name().equals("reward_accuracy")).findFirst().orElseThrow().verdict());
    }

    private static RoundResult.Gate gate(RewardEvaluation reward, Paired preferences, Paired intents, String name) {
        return Gates.check(SETTINGS, new Gates.Evidence(reward, preferences, intents, 0.1, 1000, 100, 100)).stream()
                .filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
}
