package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order and ranges of a round's per-intent table, worked out by hand. */
class RoundIntentOrderTest {

    @Test
    void aGainDoesNotRankAnIntentBelowOneThatStayedTheSame() {
        AlignmentRound round = new AlignmentRound();
        // none got worse: the one fitting least often (10 of 30) comes first, though it gained 5 and the other none
        round.metrics.put(ReplyIntentCheck.PER_INTENT, List.of(
                Map.of("intent", "steady", "tickets", 30, "candidate", 30, "active", 30),
                Map.of("intent", "gained", "tickets", 30, "candidate", 10, "active", 5),
                Map.of("intent", "lost", "tickets", 30, "candidate", 29, "active", 30)));
        assertEquals(List.of("lost", "gained", "steady"),
                RoundIntentFigures.intentFigures(round).stream().map(RoundIntentFigures.Row::intent).toList());
    }

    @Test
    void rangesAreWidenedOutwardsAndSharesKeepADecimal() {
        // 0 of 21 at one-sided 95%: Wilson's upper bound is z²/(n + z²) = 2.7055/23.7055 = 11.41%, shown as 12, not 11
        RoundIntentFigures.Row none = new RoundIntentFigures.Row("none", 21, 0, 0);
        assertEquals("likely between 0% and 12%", none.range());
        // 199 of 200 is not "100%" next to "1 ticket fewer fit"
        RoundIntentFigures.Row almost = new RoundIntentFigures.Row("almost", 200, 199, 200);
        assertEquals("99.5%", almost.newShare());
        assertEquals("100.0%", almost.activeShare());
        assertEquals("1 ticket fewer fit", almost.change());
    }
}
