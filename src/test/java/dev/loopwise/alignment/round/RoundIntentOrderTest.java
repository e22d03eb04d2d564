package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

    @Test
    void pastEightIntentsTheFirstRowsInTheTablesOrderLeadAndTheRestFold() {
        AlignmentRound round = new AlignmentRound();
        // table order: lost2 (−2), lost1 (−1), then by share: big50 (15/30), small (2 of 4), big60 (18/30), big70, big80, big90, big100;
        // the first 6 rows of that order: the 2 worse, then the least often fitting, the one too small to say among them
        round.metrics.put(ReplyIntentCheck.PER_INTENT, List.of(
                Map.of("intent", "big100", "tickets", 30, "candidate", 30, "active", 30),
                Map.of("intent", "big90", "tickets", 30, "candidate", 27, "active", 27),
                Map.of("intent", "small", "tickets", 4, "candidate", 2, "active", 2),
                Map.of("intent", "big80", "tickets", 30, "candidate", 24, "active", 24),
                Map.of("intent", "lost1", "tickets", 30, "candidate", 29, "active", 30),
                Map.of("intent", "big70", "tickets", 30, "candidate", 21, "active", 20),
                Map.of("intent", "big60", "tickets", 30, "candidate", 18, "active", 18),
                Map.of("intent", "lost2", "tickets", 30, "candidate", 28, "active", 30),
                Map.of("intent", "big50", "tickets", 30, "candidate", 15, "active", 15)));
        assertEquals(List.of("lost2", "lost1", "big50", "small", "big60", "big70", "big80", "big90", "big100"), names(RoundIntentFigures.intentFigures(round)));
        assertEquals(List.of("lost2", "lost1", "big50", "small", "big60", "big70"), names(RoundIntentFigures.intentsFirst(round)));
        assertEquals(List.of("big80", "big90", "big100"), names(RoundIntentFigures.intentsFolded(round)));
        assertEquals("Show all 9 intents (3 more, none of them worse)", RoundIntentFigures.intentsFoldSummary(round));
    }

    @Test
    void withNoneWorseAWeakIntentIsShownBeforeManyTooSmallToSay() {
        AlignmentRound round = new AlignmentRound();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(Map.of("intent", "tiny" + i, "tickets", 2, "candidate", 2, "active", 2));
        }
        rows.add(Map.of("intent", "solid10", "tickets", 30, "candidate", 3, "active", 3));
        rows.add(Map.of("intent", "solid20", "tickets", 30, "candidate", 6, "active", 6));
        rows.add(Map.of("intent", "solid90", "tickets", 30, "candidate", 27, "active", 27));
        round.metrics.put(ReplyIntentCheck.PER_INTENT, rows);
        assertEquals(List.of("solid10", "solid20", "solid90", "tiny0", "tiny1", "tiny2"), names(RoundIntentFigures.intentsFirst(round)));
        assertEquals(List.of("tiny3", "tiny4", "tiny5", "tiny6"), names(RoundIntentFigures.intentsFolded(round)));
    }

    @Test
    void everyIntentThatGotWorseStaysInFrontAndEightOrFewerAreShownWhole() {
        AlignmentRound many = new AlignmentRound();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            // the first 7 lost i tickets each; the last 3 stayed the same
            rows.add(Map.of("intent", "i" + i, "tickets", 30, "candidate", i <= 7 ? 30 - i : 30, "active", 30));
        }
        many.metrics.put(ReplyIntentCheck.PER_INTENT, rows);
        assertEquals(List.of("i7", "i6", "i5", "i4", "i3", "i2", "i1"), names(RoundIntentFigures.intentsFirst(many)));
        assertEquals(List.of("i10", "i8", "i9"), names(RoundIntentFigures.intentsFolded(many)), "the rest by name, as all fit");

        AlignmentRound eight = new AlignmentRound();
        eight.metrics.put(ReplyIntentCheck.PER_INTENT, rows.subList(2, 10));
        assertEquals(8, RoundIntentFigures.intentsFirst(eight).size());
        assertTrue(RoundIntentFigures.intentsFolded(eight).isEmpty(), "a short list has no fold");
    }

    private static List<String> names(List<RoundIntentFigures.Row> rows) {
        return rows.stream().map(RoundIntentFigures.Row::intent).toList();
    }
}
