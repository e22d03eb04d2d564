package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A round keeps its reply-fits-the-intent check intent by intent, counted on the same held-out labelled tickets as the check
 * itself: a labelled ticket the round learned replies for is in no intent's count, and the counts add up to the check's.
 */
class ReplyIntentPerIntentTest {
    private static final RoundSettings SETTINGS = SignOffRound.SETTINGS;

    @Test
    void eachIntentsCountsComeFromTicketsTheRoundDidNotLearnFrom() {
        SignOffRound round = new SignOffRound();
        List<PreferencePair> pairs = round.pairs(60, Hashing::sha256Hex);
        List<TicketRow> trainedOn = pairs.stream().filter(p -> !AlignmentEngine.isHeldOut(p.group(), SETTINGS))
                .map(p -> round.train.stream().filter(t -> t.text().equals(p.prompt())).findFirst().orElseThrow()).distinct().toList();
        assertFalse(trainedOn.size() < 2, trainedOn.toString());
        List<String> libraryIntents = round.library.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toList();
        List<TicketRow> unseen = round.test.stream().filter(t -> libraryIntents.contains(t.label())).limit(16).toList();
        List<WorkspaceSnapshot.TicketInfo> intentTest = new ArrayList<>();
        unseen.forEach(t -> intentTest.add(info(t.text(), t.label())));
        trainedOn.stream().limit(2).forEach(t -> intentTest.add(info(t.text(), t.label())));
        List<String> tickets = pairs.stream().map(PreferencePair::prompt).distinct().toList();

        Map<String, Object> metrics = AlignmentEngine.run(SETTINGS, new RoundData(round.reference, round.reference.policy(), pairs, tickets,
                round.library, intentTest), DemoData::embed, (message, progress) -> { }).metrics();

        List<?> perIntent = (List<?>) metrics.get(ReplyIntentCheck.PER_INTENT);
        Map<String, Integer> counted = new TreeMap<>();
        int candidate = 0;
        int active = 0;
        for (Object entry : perIntent) {
            Map<?, ?> row = (Map<?, ?>) entry;
            counted.put((String) row.get("intent"), (Integer) row.get("tickets"));
            candidate += (Integer) row.get("candidate");
            active += (Integer) row.get("active");
        }
        Map<String, Integer> expected = unseen.stream().collect(Collectors.groupingBy(TicketRow::label, TreeMap::new,
                Collectors.summingInt(t -> 1)));
        assertEquals(expected, counted, "only the held-out tickets the round learned nothing about, by their label");
        int n = (Integer) metrics.get("eval/reply_intent_tickets");
        assertEquals(unseen.size(), n, metrics.toString());
        assertEquals(Math.round((Double) metrics.get("eval/candidate_reply_intent") * n), candidate, "the intents add up to the check");
        assertEquals(Math.round((Double) metrics.get("eval/active_reply_intent") * n), active, "the intents add up to the check");
    }

    private static WorkspaceSnapshot.TicketInfo info(String text, String intent) {
        return new WorkspaceSnapshot.TicketInfo(0, text, intent, null, "test");
    }
}
