package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.HeldOutRows;
import dev.loopwise.ticket.TicketRow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a continued reward model learned in earlier rounds reaches the checks it can flatter. The held-out preference
 * checks measure that model (the served vector model always continues), so a held-out ticket worded like one it learned
 * there is left out of them. The reply-fits-the-intent check measures the policy, which carries those lessons only when it
 * learned from that model's rewards: a DPO policy learns from the round's own comparisons, so nothing is left out there.
 */
class WarmLessonsReachTest {
    private static final RoundSettings VECTOR = SignOffRound.SETTINGS;
    private static final RoundSettings DPO = new RoundSettings(RoundSettings.DPO, VECTOR.beta(), VECTOR.seed(), VECTOR.reward(),
            VECTOR.rewardModel(), VECTOR.policyEpochs(), VECTOR.heldOutShare(), VECTOR.minRewardAccuracy(), VECTOR.maxIntentDrop(),
            VECTOR.maxKl(), VECTOR.replaySample());

    @Test
    void earlierLessonsLeaveOutHeldOutLookAlikesAndTheIntentCheckOnlyWhereThePolicyLearnedThem() {
        SignOffRound round = new SignOffRound();
        ModelBundle reference = round.reference;
        List<PreferencePair> earlier = round.pairs(60, Hashing::sha256Hex);
        List<String> tickets = earlier.stream().map(PreferencePair::prompt).distinct().toList();
        ModelBundle base = AlignmentEngine.run(VECTOR, new RoundData(reference, reference.policy(), earlier, tickets, round.library,
                List.of()), DemoData::embed, (message, progress) -> { }).candidate();

        List<PreferencePair> pairs = round.pairs(60, Hashing::sha256Hex);
        Set<String> trainedNow = AlignmentEngine.Trained.of(pairs.stream().filter(p -> !AlignmentEngine.isHeldOut(p.group(), VECTOR))
                .toList()).texts();
        List<PreferencePair> heldOut = pairs.stream().filter(p -> AlignmentEngine.isHeldOut(p.group(), VECTOR))
                .filter(p -> !trainedNow.contains(HeldOutRows.key(p.prompt()))).toList();
        assertFalse(heldOut.isEmpty(), "some judgements kept aside");
        // Worded, case and spacing aside, like a ticket the base version's reward model learned from.
        String lookAlike = HeldOutRows.key(heldOut.get(0).prompt());
        long onIt = heldOut.stream().filter(p -> HeldOutRows.key(p.prompt()).equals(lookAlike)).count();
        List<String> libraryIntents = round.library.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toList();
        List<TicketRow> labelled = round.test.stream().filter(t -> libraryIntents.contains(t.label())).limit(8).toList();
        List<WorkspaceSnapshot.TicketInfo> intentTest = labelled.stream()
                .map(t -> new WorkspaceSnapshot.TicketInfo(0, t.text(), t.label(), null, "test")).toList();
        Set<String> taughtLabelled = Set.of(HeldOutRows.key(labelled.get(0).text()), HeldOutRows.key(labelled.get(1).text()));
        List<String> now = pairs.stream().map(PreferencePair::prompt).distinct().toList();

        Map<String, Object> alone = run(VECTOR, reference, round, pairs, now, intentTest, null, Set.of(), Set.of());
        Map<String, Object> vector = run(VECTOR, reference, round, pairs, now, intentTest, base, taughtLabelled, Set.of(lookAlike));
        Map<String, Object> dpo = run(DPO, reference, round, pairs, now, intentTest, base, taughtLabelled, Set.of(lookAlike));

        assertEquals(1, vector.get("reward/warm_started"), vector.toString());
        long seenAlone = alone.get(AlignmentEngine.SEEN_TEST_PAIRS) instanceof Number n ? n.longValue() : 0;
        assertEquals(seenAlone + onIt, ((Number) vector.get(AlignmentEngine.SEEN_TEST_PAIRS)).longValue(), vector.toString());
        assertEquals(((Number) alone.get("reward/test_pairs")).longValue() - onIt, ((Number) vector.get("reward/test_pairs")).longValue());
        assertEquals(2, vector.get(AlignmentEngine.SEEN_INTENT_TICKETS), vector.toString());
        assertEquals(seenAlone + onIt, ((Number) dpo.get(AlignmentEngine.SEEN_TEST_PAIRS)).longValue(), dpo.toString());
        assertNull(dpo.get(AlignmentEngine.SEEN_INTENT_TICKETS), dpo.toString());
        assertEquals(intentTest.size(), dpo.get("eval/reply_intent_tickets"), dpo.toString());
    }

    private static Map<String, Object> run(RoundSettings settings, ModelBundle reference, SignOffRound round, List<PreferencePair> pairs,
                                           List<String> tickets, List<WorkspaceSnapshot.TicketInfo> intentTest, ModelBundle base,
                                           Set<String> taught, Set<String> taughtTexts) {
        return AlignmentEngine.run(settings, new RoundData(reference, reference.policy(), pairs, tickets, round.library, intentTest,
                base == null ? null : base.reward(), taught, taughtTexts), DemoData::embed, (message, progress) -> { }).metrics();
    }
}
