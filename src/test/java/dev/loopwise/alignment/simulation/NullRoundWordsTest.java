package dev.loopwise.alignment.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.alignment.round.RoundResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bench-gates' progress says each round's outcome as its table does, and why: it said only "fail". */
class NullRoundWordsTest {
    @Test
    void eachRoundIsSaidInTheTablesWordsWithTheGatesReason() {
        RoundResult rejected = new RoundResult(null, Map.of(), List.of(RoundResult.Gate.of("kl_bound", RoundResult.FAIL,
                "the policy moved too far from the reference")), Map.of());
        assertEquals("Null round 2 of 3: rejected (the policy moved too far from the reference)", NullRounds.roundSaid(2, 3, rejected));
        RoundResult promoted = new RoundResult(null, Map.of(), List.of(RoundResult.Gate.of("kl_bound", RoundResult.PASS, "close")), Map.of());
        assertEquals("Null round 1 of 3: promoted", NullRounds.roundSaid(1, 3, promoted));
        RoundResult waiting = new RoundResult(null, Map.of(), List.of(RoundResult.Gate.of("preference_agreement", RoundResult.WAIT,
                "too few judgements to tell")), Map.of());
        assertEquals("Null round 3 of 3: left waiting (too few judgements to tell)", NullRounds.roundSaid(3, 3, waiting));
    }
}
