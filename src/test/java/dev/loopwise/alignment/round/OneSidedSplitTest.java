package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.RewardTrainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The held-out split goes by each ticket's hash, so a handful of judged tickets can all land on one side: the round then
 * fails saying so and how many more tickets would do, not that "several tickets" are needed when there were several.
 */
class OneSidedSplitTest {
    private static final RoundSettings SETTINGS = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 42,
            new RewardTrainer.Config(32, 30, RoundRequests.REWARD_LEARNING_RATE, RoundRequests.REWARD_BATCH, 42),
            RoundSettings.VECTOR_REWARD, 10, 0.2, 0.55, 0.02, 2.0, null);

    @Test
    void fiveTicketsThatAllTrainAskForTenMore() {
        // Two comparisons per ticket: the count of tickets, not of comparisons, decides how many more are needed.
        List<PreferencePair> pairs = pairsOf(tickets(false, 5), 2);
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class, () -> run(pairs));
        assertEquals("A round keeps about 20% of the judged tickets aside to measure the new version on. The 10 comparisons here are"
                + " of 5 tickets, and none fell aside. Ask reviewers to judge about 10 more tickets, then start the round again.",
                failed.getMessage());
    }

    @Test
    void oneTicketThatFellAsideAsksForFourteenMore() {
        List<PreferencePair> pairs = pairsOf(tickets(true, 1), 1);
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class, () -> run(pairs));
        assertEquals("A round keeps about 20% of the judged tickets aside to measure the new version on. The one comparison here is"
                + " of one ticket, and it was set aside. Ask reviewers to judge about 14 more tickets, then start the round"
                + " again.", failed.getMessage());
    }

    private static void run(List<PreferencePair> pairs) {
        AlignmentEngine.run(SETTINGS, new RoundData(null, null, pairs, List.of(), List.of(), List.of()), texts -> {
            throw new AssertionError("nothing is encoded before the split is checked");
        }, (message, progress) -> { });
    }

    private static List<String> tickets(boolean heldOut, int count) {
        List<String> found = new ArrayList<>();
        for (int i = 0; found.size() < count; i++) {
            if (AlignmentEngine.isHeldOut("ticket " + i, SETTINGS) == heldOut) {
                found.add("ticket " + i);
            }
        }
        return found;
    }

    private static List<PreferencePair> pairsOf(List<String> tickets, int each) {
        List<PreferencePair> pairs = new ArrayList<>();
        for (String ticket : tickets) {
            for (int i = 0; i < each; i++) {
                pairs.add(new PreferencePair(ticket + " text", "Reply one " + i, "Reply two " + i, PreferencePair.Kind.PREFERENCE, 0, 1,
                        ticket, pairs.size()));
            }
        }
        return pairs;
    }
}
