package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.alignment.reward.RewardEvaluation;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.round.GateStatistics.Paired;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gate whose measure lies below its bar decides by failing once the interval's top drops under the bar: "about N more
 * judgements" counts to that point, not to a pass the measure is not heading for.
 */
class WaitCountsBelowTheBarTest {
    private static final Paired CLEAR_WIN = new Paired(100, 25, 5, 70);
    private static final Paired SAME_INTENTS = new Paired(90, 0, 0, 10);

    private static RoundSettings floor(double minRewardAccuracy) {
        return new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 1, RewardTrainer.Config.defaults(1), RoundSettings.VECTOR_REWARD, 4,
                0.2, minRewardAccuracy, 0.02, 1.0);
    }

    private static RoundResult.Gate reward(RoundSettings settings, RewardEvaluation reward, int judgements) {
        List<RoundResult.Gate> gates = Gates.check(settings, new Gates.Evidence(reward, CLEAR_WIN, SAME_INTENTS, 0.1, judgements, 20, 20));
        return gates.stream().filter(g -> g.name().equals("reward_accuracy")).findFirst().orElseThrow();
    }

    @Test
    void aRewardModelBelowAHighFloorWaitsForAsManyAsFailingItTakes() {
        // 70% right on 30 held-out preferences (p = 0.021: better than chance), floor 80%. The Wilson interval's top is below
        // 0.8 once n > z²·0.8·0.2 / (0.8 − 0.7)² = 2.705543·0.16 / 0.01 = 43.29, so at 44 preferences: 14 more, at 30 held-out
        // preferences per 150 judgements 14 / 0.2 = 70 judgements. Planned as "better than chance", it said 5.
        RoundResult.Gate at30 = reward(floor(0.8), new RewardEvaluation(30, 21, 0, 0.7, 1.0, 0.0), 150);
        assertEquals(RoundResult.WAIT, at30.verdict(), at30.detail());
        assertEquals(70, at30.moreJudgements(), at30.detail());
        // The count is the gate's own edge: at 43 one more preference (5 judgements), at 44 the gate fails.
        assertEquals(5, reward(floor(0.8), new RewardEvaluation(43, 30, 0, 0.7, 1.0, 0.0), 215).moreJudgements());
        assertEquals(RoundResult.FAIL, reward(floor(0.8), new RewardEvaluation(44, 31, 0, 0.7, 1.0, 0.0), 220).verdict());
    }

    @Test
    void aRewardModelThatScoresEverythingAlikeWaitsForAsManyAsFailingItTakes() {
        // 200 ties: accuracy ½, floor 0.55. The top is below 0.55 once n > 2.705543·0.55·0.45 / 0.05² = 267.85: 68 more
        // preferences, at 0.2 per judgement 340 judgements (it said 2085, planning for a model that never ranks anything).
        RoundResult.Gate ties = reward(floor(0.55), new RewardEvaluation(200, 0, 200, 0.5, 0.0, 0.0), 1000);
        assertEquals(RoundResult.WAIT, ties.verdict(), ties.detail());
        assertEquals(340, ties.moreJudgements(), ties.detail());
        assertEquals(RoundResult.FAIL, reward(floor(0.55), new RewardEvaluation(268, 0, 268, 0.5, 0.0, 0.0), 1340).verdict());
    }

    private static RoundResult.Gate preferences(Paired table, int judgements) {
        RewardEvaluation good = new RewardEvaluation(200, 150, 0, 0.75, 1.0, 0.05);
        List<RoundResult.Gate> gates = Gates.check(floor(0.55), new Gates.Evidence(good, table, SAME_INTENTS, 0.1, judgements, 20, 20));
        return gates.stream().filter(g -> g.name().equals("preference_agreement")).findFirst().orElseThrow();
    }

    @Test
    void aCandidateBehindTheActiveVersionWaitsForAsManyAsRejectingItTakes() {
        // 20 held-out preferences: both versions right on 12, the candidate alone on 3, the active alone on 4, neither on 1.
        // Candidate 15/20 = 0.75, active 16/20 = 0.8: −5 points; φ = (12·1 − 3·4)/√(…) = 0. With the shares as they are, the
        // Newcombe top is −0.05 + √((u₁ − 0.75)² + (0.8 − l₂)²) for the Wilson top u₁ of 0.75 and bottom l₂ of 0.8 at n:
        // at n = 194, u₁ = 0.79746 and l₂ = 0.74878, so −0.05 + √(0.04746² + 0.05122²) = 0.01983 < 0.02 (at 193: 0.02001).
        // 174 more preferences at 20 per 100 judgements: 870. Planned as a 2-point improvement it said 27,995 ("too close to call").
        RoundResult.Gate behind = preferences(new Paired(12, 3, 4, 1), 100);
        assertEquals(RoundResult.WAIT, behind.verdict(), behind.detail());
        assertEquals(870, behind.moreJudgements(), behind.detail());
        // The same shares nine and ten times over: 180 preferences still wait, 200 reject the candidate.
        assertEquals(RoundResult.WAIT, preferences(new Paired(108, 27, 36, 9), 900).verdict());
        assertEquals(RoundResult.FAIL, preferences(new Paired(120, 30, 40, 10), 1000).verdict());
    }

    @Test
    void theEdgeOfTheNewcombeIntervalIsFoundExactly() {
        assertEquals(194, GateStatistics.pairedItemsToStayBelow(new Paired(12, 3, 4, 1), Gates.MIN_EFFECT, Gates.Z90));
    }
}
