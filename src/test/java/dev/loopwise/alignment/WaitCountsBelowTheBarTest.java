package dev.loopwise.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.alignment.GateStatistics.Paired;
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
}
