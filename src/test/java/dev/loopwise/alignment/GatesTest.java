package dev.loopwise.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.GateStatistics.Paired;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each gate passes, fails or waits on evidence built to call for exactly that. */
class GatesTest {
    private static final RoundSettings SETTINGS = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 1,
            RewardTrainer.Config.defaults(1), RoundSettings.VECTOR_REWARD, 4, 0.2, 0.55, 0.02, 1.0);
    private static final RewardEvaluation GOOD_REWARD = new RewardEvaluation(200, 0.75, 1.0, 0.05);
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
        RoundResult result = result(new RewardEvaluation(2, 1.0, 1.0, 0.0), new Paired(2, 0, 0, 0), SAME_INTENTS, 0.1);
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
        RoundResult.Gate gate = gate(new RoundResult(null, java.util.Map.of(), Gates.check(SETTINGS, new Gates.Evidence(
                new RewardEvaluation(2, 0.5, 1.0, 0.0), new Paired(0, 0, 1, 1), SAME_INTENTS, 0.1, 11)), java.util.Map.of()),
                "preference_agreement");
        assertEquals(RoundResult.WAIT, gate.verdict());
        // (20 − 2) held-out items at 2 per 11 judgements.
        assertTrue(gate.moreJudgements() >= 99 && gate.moreJudgements() <= 100, gate.detail());
        assertTrue(gate.detail().contains("give a first estimate"), gate.detail());
        // The reward model's one wrong ranking of two is no accuracy either: the same first estimate, not thousands.
        RoundResult.Gate reward = gate(new RoundResult(null, java.util.Map.of(), Gates.check(SETTINGS, new Gates.Evidence(
                new RewardEvaluation(2, 0.5, 1.0, 0.0), new Paired(0, 0, 1, 1), SAME_INTENTS, 0.1, 29)), java.util.Map.of()),
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
        RoundResult lots = result(new RewardEvaluation(1000, 0.5, 0.0, 0.1), new Paired(100, 25, 5, 70), SAME_INTENTS, 0.1);
        assertEquals(RoundResult.FAIL, gate(lots, "reward_accuracy").verdict());
        RoundResult few = result(new RewardEvaluation(20, 0.6, 0.1, 0.1), new Paired(100, 25, 5, 70), SAME_INTENTS, 0.1);
        assertEquals(RoundResult.WAIT, gate(few, "reward_accuracy").verdict());
    }

    @Test
    void theKlBoundIsAHardLimit() {
        assertEquals(RoundResult.FAIL, gate(result(GOOD_REWARD, new Paired(100, 25, 5, 70), SAME_INTENTS, 2.0), "kl_bound").verdict());
    }

    private static RoundResult result(RewardEvaluation reward, Paired preferences, Paired intents, double kl) {
        List<RoundResult.Gate> gates = Gates.check(SETTINGS, new Gates.Evidence(reward, preferences, intents, kl, 1000));
        return new RoundResult(null, java.util.Map.of(), gates, java.util.Map.of());
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
}
