package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Comparisons of a reply with itself teach nothing: a round leaves them out of its reward model's training, reports as
 * trained on exactly the comparisons it trained on, and says how many it left out. The reward model it trains is the
 * one the same round trains without them, and it is measured on the held-out comparisons that have a right answer.
 */
class SameReplyPairsTest {
    private static final RoundSettings SETTINGS = SignOffRound.SETTINGS;

    @Test
    void sameReplyComparisonsAreLeftOutOfTrainingAndTheCountsSaySo() {
        SignOffRound round = new SignOffRound();
        List<WorkspaceSnapshot.ReplyInfo> library = round.library;
        ModelBundle reference = round.reference;
        List<PreferencePair> different = round.pairs(60, text -> text);
        // On the tickets of training comparisons, so that no new ticket or text enters the round: 5 preferences, 3 ties.
        List<PreferencePair> trained = different.stream().filter(p -> !AlignmentEngine.isHeldOut(p.group(), SETTINGS)).toList();
        List<PreferencePair> withAlike = new ArrayList<>(different);
        for (int i = 0; i < 8; i++) {
            PreferencePair at = trained.get(i);
            withAlike.add(new PreferencePair(at.prompt(), at.first(), at.first(), i < 5 ? PreferencePair.Kind.PREFERENCE
                    : PreferencePair.Kind.TIE, 0, 1, at.group(), 1000 + i));
        }
        // And on held-out tickets: with no right answer they would score as half right and pull the accuracy towards chance.
        List<PreferencePair> measured = different.stream().filter(p -> AlignmentEngine.isHeldOut(p.group(), SETTINGS)).toList();
        for (int i = 0; i < 4; i++) {
            PreferencePair at = measured.get(i % measured.size());
            withAlike.add(new PreferencePair(at.prompt(), at.second(), at.second(), PreferencePair.Kind.PREFERENCE, 0, 1, at.group(),
                    2000 + i));
        }
        List<String> tickets = different.stream().map(PreferencePair::prompt).distinct().toList();

        Map<String, Object> mixed = AlignmentEngine.run(SETTINGS, new RoundData(reference, reference.policy(), withAlike, tickets, library,
                List.of()), DemoData::embed, (message, progress) -> { }).metrics();
        Map<String, Object> clean = AlignmentEngine.run(SETTINGS, new RoundData(reference, reference.policy(), different, tickets, library,
                List.of()), DemoData::embed, (message, progress) -> { }).metrics();

        assertEquals(trained.size(), mixed.get("reward/train_pairs"), mixed.toString());
        assertEquals(8, mixed.get(AlignmentEngine.SAME_REPLY_PAIRS), mixed.toString());
        assertEquals(measured.size(), mixed.get("reward/test_pairs"));
        assertEquals((double) clean.get("reward/accuracy"), (double) mixed.get("reward/accuracy"), 1e-9, mixed + " vs " + clean);
        // Trained on the same comparisons, the reward model ends where it ends without them (each would have added
        // weight to the loss's denominator and so lowered it).
        assertEquals((double) clean.get("reward/train_loss"), (double) mixed.get("reward/train_loss"), 1e-9, mixed + " vs " + clean);
        assertEquals(trained.size(), clean.get("reward/train_pairs"));
        assertFalse(clean.containsKey(AlignmentEngine.SAME_REPLY_PAIRS), "nothing left out, nothing said: " + clean);
    }
}
