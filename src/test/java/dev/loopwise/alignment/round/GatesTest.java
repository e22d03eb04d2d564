package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.reward.RewardEvaluation;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.round.GateStatistics.Paired;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each gate passes, fails or waits on evidence built to call for exactly that. */
class GatesTest {
    private static final RoundSettings SETTINGS = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 1,
            RewardTrainer.Config.defaults(1), RoundSettings.VECTOR_REWARD, 4, 0.2, 0.55, 0.02, 1.0);
    private static final RewardEvaluation GOOD_REWARD = new RewardEvaluation(200, 150, 0, 0.75, 1.0, 0.05);
    private static final Paired SAME_INTENTS = new Paired(90, 0, 0, 10);

    @Test
    void aClearImprovementOnEnoughPairsIsPromoted() {
        // 30 disagreements, 25 for the candidate: McNemar p ≈ 0.0002.
        RoundResult result = result(GOOD_REWARD, new Paired(100, 25, 5, 70), SAME_INTENTS, 0.1);
        assertEquals(RoundResult.PASS, result.outcome(), result.gates().toString());
        assertNull(result.moreJudgements());
    }

    @Test
    void theDemosFirstRoundWaitsInsteadOfBeingRejected() {
        // Both versions right on the only 2 held-out pairs: nothing to decide on.
        RoundResult result = result(new RewardEvaluation(2, 2, 0, 1.0, 1.0, 0.0), new Paired(2, 0, 0, 0), SAME_INTENTS, 0.1);
        assertEquals(RoundResult.WAIT, result.outcome(), result.gates().toString());
        assertNotNull(result.moreJudgements());
        assertTrue(result.moreJudgements() > 10, "estimate: " + result.moreJudgements());
        assertTrue(result.reason().contains("more judgements"), result.reason());
    }

    @Test
    void aOnePairDifferenceIsNoEvidence() {
        // 0.833 vs 0.778 on 18 pairs: the candidate won the only disagreement.
        RoundResult result = result(GOOD_REWARD, new Paired(14, 1, 0, 3), SAME_INTENTS, 0.1);
        assertEquals(RoundResult.WAIT, gate(result, "preference_agreement").verdict());
    }

    @Test
    void oneDisagreementInAHandfulAsksForAFirstEstimateNotForThousands() {
        // 11 judgements, 2 of them held out, the versions differ on one: how often they differ is no estimate yet.
        RoundResult.Gate gate = gate(new RoundResult(null, Map.of(), Gates.check(SETTINGS, new Gates.Evidence(
                new RewardEvaluation(2, 1, 0, 0.5, 1.0, 0.0), new Paired(0, 0, 1, 1), SAME_INTENTS, 0.1, 11, 2, 2)), Map.of()),
                "preference_agreement");
        assertEquals(RoundResult.WAIT, gate.verdict());
        // (20 − 2) held-out items at 2 per 11 judgements.
        assertTrue(gate.moreJudgements() >= 99 && gate.moreJudgements() <= 100, gate.detail());
        assertTrue(gate.detail().contains("give a first estimate"), gate.detail());
        // The reward model's one wrong ranking of two is no accuracy either: the same first estimate, not thousands.
        RoundResult.Gate reward = gate(new RoundResult(null, Map.of(), Gates.check(SETTINGS, new Gates.Evidence(
                new RewardEvaluation(2, 1, 0, 0.5, 1.0, 0.0), new Paired(0, 0, 1, 1), SAME_INTENTS, 0.1, 29, 2, 2)), Map.of()),
                "reward_accuracy");
        assertEquals(RoundResult.WAIT, reward.verdict());
        // (20 − 2) held-out pairs at 2 per 29 judgements: 261.
        assertEquals(261, reward.moreJudgements(), reward.detail());
        assertTrue(reward.detail().contains("give a first estimate"), reward.detail());
    }

    @Test
    void aCandidateThatIsClearlyNotBetterIsRejected() {
        RoundResult result = result(GOOD_REWARD, new Paired(300, 2, 20, 78), SAME_INTENTS, 0.1);
        assertEquals(RoundResult.FAIL, gate(result, "preference_agreement").verdict());
        assertEquals(RoundResult.FAIL, result.outcome());
    }

    @Test
    void repliesThatStopFittingTheIntentFailAndAReportedIntervalBacksTheVerdict() {
        RoundResult result = result(GOOD_REWARD, new Paired(100, 25, 5, 70), new Paired(60, 0, 20, 10), 0.1);
        RoundResult.Gate intent = gate(result, "reply_intent");
        assertEquals(RoundResult.FAIL, intent.verdict());
        assertTrue(intent.high() < -0.02, intent.toString());
        assertEquals(RoundResult.FAIL, result.outcome());
    }

    @Test
    void aRewardModelAtChanceIsRejectedOrWaitsButNeverPasses() {
        RoundResult lots = result(new RewardEvaluation(1000, 500, 0, 0.5, 0.0, 0.1), new Paired(100, 25, 5, 70), SAME_INTENTS, 0.1);
        assertEquals(RoundResult.FAIL, gate(lots, "reward_accuracy").verdict());
        RoundResult few = result(new RewardEvaluation(20, 12, 0, 0.6, 0.1, 0.1), new Paired(100, 25, 5, 70), SAME_INTENTS, 0.1);
        assertEquals(RoundResult.WAIT, gate(few, "reward_accuracy").verdict());
    }

    @Test
    void theKlBoundIsAHardLimit() {
        assertEquals(RoundResult.FAIL, gate(result(GOOD_REWARD, new Paired(100, 25, 5, 70), SAME_INTENTS, 2.0), "kl_bound").verdict());
    }

    @Test
    void aRangeAboveZeroThatDoesNotDecideSaysWhy() {
        // The demo's first round: 18 held-out preferences, the versions split on 3, all for the candidate (p = 0.125),
        // while Newcombe's 90% range (+1.7 to +34.2 points) lies above zero.
        RoundResult.Gate gate = gate(new RoundResult(null, Map.of(), Gates.check(SETTINGS, new Gates.Evidence(
                GOOD_REWARD, new Paired(14, 3, 0, 1), SAME_INTENTS, 0.1, 129, 18, 18)), Map.of()), "preference_agreement");
        assertEquals(RoundResult.WAIT, gate.verdict());
        assertTrue(gate.low() > 0, gate.toString());
        assertTrue(gate.detail().contains("The range lies above zero, but only an exact count of the 3 preferences the versions"
                + " chose differently on decides: 3 to 0 for the candidate, a split luck alone gives 12.5% of the time"), gate.detail());
        // A range that reaches zero needs no such word.
        RoundResult.Gate even = gate(result(GOOD_REWARD, new Paired(14, 1, 0, 3), SAME_INTENTS, 0.1), "preference_agreement");
        assertTrue(even.low() <= 0 && !even.detail().contains("The range lies above zero"), even.detail());
        // Nor does a verdict: a candidate that changes few replies can have a range above zero yet below the smallest gain
        // worth promoting for, and "only an exact count decides" beside "it is not better" would contradict it.
        RoundResult.Gate small = gate(result(GOOD_REWARD, new Paired(500, 4, 0, 496), SAME_INTENTS, 0.1), "preference_agreement");
        assertEquals(RoundResult.FAIL, small.verdict(), small.detail());
        assertTrue(small.low() > 0, "the case this checks: " + small);
        assertFalse(small.detail().contains("The range lies above zero"), small.detail());
    }

    private static RoundResult result(RewardEvaluation reward, Paired preferences, Paired intents, double kl) {
        List<RoundResult.Gate> gates = Gates.check(SETTINGS, new Gates.Evidence(reward, preferences, intents, kl, 1000, 100, 100));
        return new RoundResult(null, Map.of(), gates, Map.of());
    }

    private static RoundResult.Gate gate(RoundResult result, String name) {
        return result.gates().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCountNoTeamCouldCollectIsSaidInWords() {
        assertEquals(" About 120 more judgements would decide it.", Gates.moreNeeded(120));
        assertTrue(Gates.moreNeeded(29058).contains("on this measure the result is too close to call"), Gates.moreNeeded(29058));
        assertTrue(Gates.moreNeeded(29058).contains("5,000"));
        assertEquals(" About 5000 more judgements would decide it.", Gates.moreNeeded(Gates.FAR_MORE_JUDGEMENTS), "the edge still counts");
        assertTrue(Gates.moreNeeded(Gates.FAR_MORE_JUDGEMENTS + 1).contains("on this measure the result is too close to call"));
        // With its range when the range is wide, and without when it is not worth saying.
        assertEquals(" About 120 more judgements would decide it: as few as 60 if the candidate is clearly better, up to 900 if it is"
                + " only 2 points better.", Gates.moreNeeded(120, 60, 900));
        assertEquals(" About 120 more judgements would decide it.", Gates.moreNeeded(120, 110, 140));
        assertTrue(Gates.moreNeeded(120, 60, 29058).contains("up to more than 5,000 if"), Gates.moreNeeded(120, 60, 29058));
    }

    @Test
    void aWaitingPreferenceGateSaysHowManyMoreJudgementsWithTheirRange() {
        // 400 held-out preferences: both versions agree with 200, the candidate alone with 20, the active alone with 12: +2 points.
        RoundResult.Gate gate = gate(result(GOOD_REWARD, new Paired(200, 20, 12, 168), SAME_INTENTS, 0.1), "preference_agreement");
        assertEquals(RoundResult.WAIT, gate.verdict(), gate.detail());
        assertTrue(gate.detail().contains("as few as") && gate.detail().contains("points better."), gate.detail());
    }

    @Test
    void twoPreferencesTheVersionsAgreeOnAreNoVerdict() {
        // One right, one wrong, both versions alike: a paired interval of zero width (+0 to +0). On two items that is
        // no proof the candidate is not better; the gate waits for a first estimate instead of failing.
        RoundResult.Gate gate = gate(result(GOOD_REWARD, new Paired(1, 0, 0, 1), SAME_INTENTS, 0.1), "preference_agreement");
        assertEquals(RoundResult.WAIT, gate.verdict(), gate.detail());
        assertTrue(gate.detail().contains("give a first estimate"), gate.detail());
    }

    @Test
    void oneTicketJudgedByManyReviewersIsOneHeldOutPreferenceAndDecidesNothing() {
        // The reviewer's case: one gold ticket, 9 of 10 reviewers chose the gold reply and the candidate flips to it. Counted
        // per judgement that was b = 9, c = 1, p = 11/1024 and a pass; counted once it is one pair the versions differ on.
        Gates.Evidence once = new Gates.Evidence(new RewardEvaluation(1, 1, 0, 1.0, 1.0, 0.0), new Paired(0, 1, 0, 0), SAME_INTENTS, 0.1,
                50, 1, 1);
        for (RoundResult.Gate gate : List.of(gate(once, "reward_accuracy"), gate(once, "preference_agreement"))) {
            assertEquals(RoundResult.WAIT, gate.verdict(), gate.detail());
            // 19 more held-out pairs at 1 per 50 judgements: 950 (the 9 more tickets alone would need 450).
            assertEquals(950, gate.moreJudgements(), gate.detail());
            assertTrue(gate.detail().startsWith("On 1 ") && gate.detail().contains(" preference kept aside for measuring, from 1 ticket, ")
                    && gate.detail().contains("about 950 more judgements"), gate.detail());
        }
    }

    @Test
    void aClearResultOnTooFewTicketsWaitsForMoreTickets() {
        // Six reply pairs of one ticket, all six for the candidate: McNemar p = 1/64, yet it is one ticket's reading.
        Gates.Evidence oneTicket = new Gates.Evidence(new RewardEvaluation(6, 6, 0, 1.0, 1.0, 0.0), new Paired(0, 6, 0, 0), SAME_INTENTS,
                0.1, 50, 1, 1);
        for (RoundResult.Gate gate : List.of(gate(oneTicket, "reward_accuracy"), gate(oneTicket, "preference_agreement"))) {
            assertEquals(RoundResult.WAIT, gate.verdict(), gate.detail());
            assertTrue(gate.detail().contains("p = 0.016"), gate.detail());
            assertTrue(gate.detail().contains("they come from only 1 ticket, and this check passes or fails a version only on preferences from"
                    + " at least 10 different tickets"), gate.detail());
            // 9 more tickets at 1 ticket per 50 judgements.
            assertEquals(450, gate.moreJudgements(), gate.detail());
            assertTrue(gate.detail().endsWith(" About 450 more judgements would decide it."), gate.detail());
        }
        // Twelve pairs from ten tickets, all for the candidate: that passes.
        Gates.Evidence tenTickets = new Gates.Evidence(new RewardEvaluation(12, 12, 0, 1.0, 1.0, 0.0), new Paired(0, 12, 0, 0),
                SAME_INTENTS, 0.1, 50, 10, 10);
        assertEquals(RoundResult.PASS, gate(tenTickets, "reward_accuracy").verdict(), gate(tenTickets, "reward_accuracy").detail());
        assertEquals(RoundResult.PASS, gate(tenTickets, "preference_agreement").verdict());
        // Nine tickets, one short: waits, asking for one more ticket's worth (1 / (9 / 50) = 5.6, so 6 judgements).
        Gates.Evidence nine = new Gates.Evidence(new RewardEvaluation(12, 12, 0, 1.0, 1.0, 0.0), new Paired(0, 12, 0, 0), SAME_INTENTS,
                0.1, 50, 9, 9);
        assertEquals(6, gate(nine, "preference_agreement").moreJudgements(), gate(nine, "preference_agreement").detail());
    }

    @Test
    void aTiedScoreIsKeptApartFromWinsAndTheTestRunsOnTheRankedPairs() {
        // Two right, one tie, two wrong: 50% with the tie as half right, but no longer "3 of 5 right"; the sign test runs on
        // the 4 rankings with a direction: P(X ≥ 2 | Bin(4, ½)) = 11/16.
        RewardEvaluation scored = RewardEvaluation.of(new double[] {1, 1, 0, -1, -1}, new int[5]);
        assertEquals(List.of(5, 2, 1, 4), List.of(scored.pairs(), scored.wins(), scored.ties(), scored.decided()));
        assertEquals(0.5, scored.accuracy(), 1e-12);
        RoundResult.Gate gate = gate(new Gates.Evidence(scored, new Paired(0, 0, 0, 5), SAME_INTENTS, 0.1, 50, 5, 5), "reward_accuracy");
        assertTrue(gate.detail().startsWith("On 5 preferences kept aside for measuring, from 5 tickets, the reward model ranks 2 right and 2 wrong and"
                + " scores both replies alike on 1, a tie counting as half right (50%,") && gate.detail().contains("p = 0.688 on the 4"
                + " it ranked)"), gate.detail());
        // Comparisons that are not preferences are not scored at all.
        RewardEvaluation skipped = RewardEvaluation.of(new double[] {1, 0, -1}, new int[] {0, 1, 2});
        assertEquals(List.of(1, 1, 0), List.of(skipped.pairs(), skipped.wins(), skipped.ties()));
        // 11 right, 4 wrong, 1 tie on 16 tickets. Rounded into a 12th win the tie made P(X ≥ 12 | Bin(16, ½)) = 0.038, a pass;
        // on the 15 ranked it is P(X ≥ 11 | Bin(15, ½)) = 1941/32768 = 0.059: not yet better than chance.
        RewardEvaluation oneTie = RewardEvaluation.of(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, 0}, new int[16]);
        assertEquals(11.5 / 16, oneTie.accuracy(), 1e-12);
        RoundResult.Gate tied = gate(new Gates.Evidence(oneTie, new Paired(0, 0, 0, 5), SAME_INTENTS, 0.1, 80, 16, 5), "reward_accuracy");
        assertEquals(RoundResult.WAIT, tied.verdict(), tied.detail());
        assertTrue(tied.detail().contains("ranks 11 right and 4 wrong") && tied.detail().contains("p = 0.059 on the 15 it ranked"),
                tied.detail());
        // Every pair scored alike: 50%, no ranking to test, and on four pairs nothing to decide.
        RoundResult.Gate allTied = gate(new Gates.Evidence(RewardEvaluation.of(new double[4], new int[4]), new Paired(0, 0, 0, 5),
                SAME_INTENTS, 0.1, 80, 4, 5), "reward_accuracy");
        assertEquals(RoundResult.WAIT, allTied.verdict(), allTied.detail());
        assertTrue(allTied.detail().contains("scores both replies alike on all 4, a tie counting as half right (50%")
                && allTied.detail().contains("p = 1.000)"), allTied.detail());
    }

    private static RoundResult.Gate gate(Gates.Evidence evidence, String name) {
        return gate(new RoundResult(null, Map.of(), Gates.check(SETTINGS, evidence), Map.of()), name);
    }

    @Test
    void anEmptyMethodIsNamedEmptyInTheRefusal() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RoundSettings("", 0.5, 1, RewardTrainer.Config.defaults(1), RoundSettings.VECTOR_REWARD, 4, 0.2, 0.55, 0.02, 1.0));
        assertEquals("method must be reward_weighted or dpo, not empty", refused.getMessage());
    }

    @Test
    void aRefusedRewardModelOrMethodIsQuotedOrNamedEmpty() {
        IllegalArgumentException empty = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RoundSettings(RoundSettings.DPO, 0.5, 1, RewardTrainer.Config.defaults(1), "", 4, 0.2, 0.55, 0.02, 1.0));
        assertEquals("rewardModel must be auto, vector or cross, not empty", empty.getMessage());
        IllegalArgumentException other = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RoundSettings("true", 0.5, 1, RewardTrainer.Config.defaults(1), "true", 4, 0.2, 0.55, 0.02, 1.0));
        assertEquals("method must be reward_weighted or dpo, not 'true'", other.getMessage());
    }
}
