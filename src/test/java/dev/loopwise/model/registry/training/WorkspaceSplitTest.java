package dev.loopwise.model.registry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.model.registry.training.WorkspaceSnapshot.TicketInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tickets a training learns from: an intent whose few tickets all fell on the held-out side is learned, not measured. */
class WorkspaceSplitTest {
    private static TicketInfo ticket(long id, String intent, String split) {
        return new TicketInfo(id, "text " + id, intent, null, split);
    }

    @Test
    void heldOutTicketsOfAnIntentWithTooFewToLearnFromAreLearnedFrom() {
        List<TicketInfo> labelled = List.of(
                ticket(1, "refund", "train"), ticket(2, "refund", "train"), ticket(3, "refund", "test"),
                ticket(4, "gift_wrap", "test"), ticket(5, "gift_wrap", "test"),
                ticket(6, "tracking", "train"), ticket(7, "tracking", "test"),
                ticket(8, "legacy", null));
        WorkspaceSnapshot.Split split = WorkspaceSnapshot.split(labelled, 2);
        // refund has 2 to learn from: its held-out ticket is measured. gift_wrap has none and tracking one: learned from.
        assertEquals(List.of(3L), split.test().stream().map(TicketInfo::id).toList());
        assertEquals(List.of(1L, 2L, 4L, 5L, 6L, 7L, 8L), split.train().stream().map(TicketInfo::id).toList());
    }

    @Test
    void withNothingHeldOutEverythingIsLearnedFrom() {
        List<TicketInfo> labelled = List.of(ticket(1, "a", "train"), ticket(2, "b", null));
        assertEquals(2, WorkspaceSnapshot.split(labelled, 2).train().size());
        assertEquals(0, WorkspaceSnapshot.split(labelled, 2).test().size());
    }

    @Test
    void aHeldOutTicketInTheWordsOfATrainingTicketIsLearnedFromNotMeasured() {
        // "Refund please" and "refund  please " are two tickets (their texts differ, so each has its own hash and side) but
        // one request: scored on the second, a model that learned the first is scored on memory.
        List<TicketInfo> labelled = List.of(
                new TicketInfo(1, "Refund please", "refund", null, "train"), ticket(2, "refund", "train"),
                new TicketInfo(3, "refund  please ", "refund", null, "test"), ticket(4, "refund", "test"));
        WorkspaceSnapshot.Split split = WorkspaceSnapshot.split(labelled, 2);
        assertEquals(List.of(4L), split.test().stream().map(TicketInfo::id).toList());
        assertEquals(List.of(1L, 2L, 3L), split.train().stream().map(TicketInfo::id).toList());
        assertEquals(1, split.seen());
        assertEquals(0, WorkspaceSnapshot.split(List.of(ticket(1, "a", "train"), ticket(2, "a", "train"), ticket(3, "a", "test")), 2).seen());
    }
}
