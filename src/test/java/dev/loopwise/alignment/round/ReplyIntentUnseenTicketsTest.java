package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.ticket.Capitals;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reply-fits-the-intent check is measured on labelled tickets kept for checking. A ticket can be one of those and have
 * been judged by reviewers too (a ticket imported unlabelled, reviewed, then labelled by hand; a served request with the
 * same words): when those judgements are on the round's training side, the candidate learned which reply suits that very
 * ticket, and scoring it there is scoring it on its own training data. Such tickets are left out of the check and counted.
 */
class ReplyIntentUnseenTicketsTest {
    private static final RoundSettings SETTINGS = SignOffRound.SETTINGS;

    @Test
    void labelledTicketsTheCandidateLearnedFromAreLeftOutOfTheIntentCheck() {
        SignOffRound round = new SignOffRound();
        List<TicketRow> train = round.train;
        List<TicketRow> test = round.test;
        List<WorkspaceSnapshot.ReplyInfo> library = round.library;
        ModelBundle reference = round.reference;
        // Grouped by the hash of the ticket's text, as judgements are.
        List<PreferencePair> pairs = round.pairs(60, Hashing::sha256Hex);
        List<TicketRow> trainedOn = pairs.stream().filter(p -> !AlignmentEngine.isHeldOut(p.group(), SETTINGS))
                .map(p -> train.stream().filter(t -> t.text().equals(p.prompt())).findFirst().orElseThrow()).distinct().toList();
        List<TicketRow> measuredOn = pairs.stream().filter(p -> AlignmentEngine.isHeldOut(p.group(), SETTINGS))
                .map(p -> train.stream().filter(t -> t.text().equals(p.prompt())).findFirst().orElseThrow()).distinct().toList();
        assertFalse(trainedOn.size() < 3 || measuredOn.isEmpty(), trainedOn + " / " + measuredOn);
        List<String> libraryIntents = library.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toList();
        List<TicketRow> unseen = test.stream().filter(t -> libraryIntents.contains(t.label())).limit(12).toList();

        List<WorkspaceSnapshot.TicketInfo> intentTest = new ArrayList<>();
        unseen.forEach(t -> intentTest.add(info(t.text(), t.label())));
        // Three the candidate's judgements were about, one of them labelled with other case and spacing.
        intentTest.add(info(trainedOn.get(0).text(), trainedOn.get(0).label()));
        intentTest.add(info(trainedOn.get(1).text(), trainedOn.get(1).label()));
        intentTest.add(info("  " + Capitals.of(trainedOn.get(2).text()).replace(" ", "\n "), trainedOn.get(2).label()));
        // One whose judgements were all kept aside for measuring: the candidate never learned from them, so it stays.
        intentTest.add(info(measuredOn.get(0).text(), measuredOn.get(0).label()));
        List<String> tickets = pairs.stream().map(PreferencePair::prompt).distinct().toList();

        Map<String, Object> metrics = AlignmentEngine.run(SETTINGS, new RoundData(reference, reference.policy(), pairs, tickets, library,
                intentTest), DemoData::embed, (message, progress) -> { }).metrics();

        assertEquals(unseen.size() + 1, metrics.get("eval/reply_intent_tickets"), metrics.toString());
        assertEquals(3, metrics.get(AlignmentEngine.SEEN_INTENT_TICKETS), metrics.toString());
    }

    private static WorkspaceSnapshot.TicketInfo info(String text, String intent) {
        return new WorkspaceSnapshot.TicketInfo(0, text, intent, null, "test");
    }
}
