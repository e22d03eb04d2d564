package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.ticket.Capitals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Judgements are split by the hash of their ticket's exact text, so "Where is my order" from the ticket list and
 * "where is  my order" from served traffic are two tickets that may fall on two sides. Held-out judgements of a ticket in
 * the words of one the round trained on would measure the reward model on what it learned: they are left out and counted.
 */
class HeldOutTwinsTest {
    private static final RoundSettings SETTINGS = SignOffRound.SETTINGS;

    @Test
    void heldOutJudgementsOfATrainingTicketsTwinAreNotMeasured() {
        SignOffRound round = new SignOffRound();
        List<WorkspaceSnapshot.ReplyInfo> library = round.library;
        ModelBundle reference = round.reference;
        List<PreferencePair> pairs = round.pairs(60, text -> text);
        int measured = (int) pairs.stream().filter(p -> AlignmentEngine.isHeldOut(p.group(), SETTINGS)).count();
        List<PreferencePair> trained = pairs.stream().filter(p -> !AlignmentEngine.isHeldOut(p.group(), SETTINGS)).toList();
        // Twins of trained tickets, in other case and spacing, whose own text lands them on the held-out side.
        List<PreferencePair> withTwins = new ArrayList<>(pairs);
        int twins = 0;
        for (int i = 0; i < trained.size() && twins < 4; i++) {
            PreferencePair at = trained.get(i);
            String twin = Capitals.of(at.prompt()).replace(" ", "  ") + " ";
            for (int pad = 0; pad < 40 && !AlignmentEngine.isHeldOut(twin, SETTINGS); pad++) {
                twin = twin + " ";
            }
            if (AlignmentEngine.isHeldOut(twin, SETTINGS)) {
                withTwins.add(new PreferencePair(twin, at.first(), at.second(), PreferencePair.Kind.PREFERENCE, 0, 1, twin, 1000 + i));
                twins++;
            }
        }
        assertEquals(4, twins);
        assertFalse(measured == 0);

        Map<String, Object> metrics = AlignmentEngine.run(SETTINGS, new RoundData(reference, reference.policy(), withTwins,
                pairs.stream().map(PreferencePair::prompt).distinct().toList(), library, List.of()), DemoData::embed,
                (message, progress) -> { }).metrics();

        assertEquals(measured, metrics.get("reward/test_pairs"), metrics.toString());
        assertEquals(4, metrics.get(AlignmentEngine.SEEN_TEST_PAIRS), metrics.toString());
    }
}
