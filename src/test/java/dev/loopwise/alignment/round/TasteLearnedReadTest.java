package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Taste learned in the Rounds list says how far it can be trusted: too few comparisons to read, or its likely range. */
class TasteLearnedReadTest {

    @Test
    void aShareOfAFewComparisonsIsTooFewToReadAndAnotherGivesItsRange() {
        AlignmentRound round = new AlignmentRound();
        round.metrics = new HashMap<>(Map.of("reward/accuracy", 0.8, "reward/test_preferences", 5));
        round.gates = List.of(new RoundResult.Gate("reward_accuracy", false, "", RoundResult.WAIT, 0.8, 0.42, 0.96, 60));
        assertEquals("80% — from only 5 comparisons: too few to read", RoundListFormats.tasteRead(round));

        round.metrics.put("reward/test_preferences", 1);
        assertEquals("80% — from only 1 comparison: too few to read", RoundListFormats.tasteRead(round));

        round.metrics.put("reward/test_preferences", 240);
        round.gates = List.of(new RoundResult.Gate("reward_accuracy", true, "", RoundResult.PASS, 0.8, 0.751, 0.843, null));
        assertEquals("80% (likely 75%–85%)", RoundListFormats.tasteRead(round));

        // A few comparisons the round's check decided on (16 right of 18, p = 0.001: its page says "Yes") are read with their range.
        round.metrics.put("reward/accuracy", 0.889);
        round.metrics.put("reward/test_preferences", 18);
        round.gates = List.of(new RoundResult.Gate("reward_accuracy", true, "", RoundResult.PASS, 0.889, 0.711, 0.959, null));
        assertEquals("89% (likely 71%–96%, from 18 comparisons)", RoundListFormats.tasteRead(round));
        round.metrics.put("reward/accuracy", 0.8);

        // Without a measured range or count (rounds stored before either), the figure stays as it was.
        round.gates = List.of();
        round.metrics.remove("reward/test_preferences");
        assertEquals("80%", RoundListFormats.tasteRead(round));
        round.metrics.clear();
        assertEquals("—", RoundListFormats.tasteRead(round));
    }
}
