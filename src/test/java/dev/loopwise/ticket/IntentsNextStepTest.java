package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.training.ModelTrainer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Intents page's next step names the intents that need something, from their counts, on hand-made workspaces. */
class IntentsNextStepTest {

    private static Intent intent(long id, String name, String description) {
        Intent intent = new Intent();
        intent.id = id;
        intent.name = name;
        intent.description = description;
        return intent;
    }

    @Test
    void intentsWithoutRepliesOrWithFewTicketsAreNamedAndTheHandOverIntentNeedsNoReply() {
        List<Intent> intents = List.of(intent(1, "track_order", "Where is my parcel"), intent(2, "gift wrap", ""),
                intent(3, "oos", "Not ours"), intent(4, "refund_status", "Where is my refund"));
        // track_order: 8 tickets, a reply; gift wrap: none of either; oos: 30 tickets, no reply; refund_status: 7 tickets, no reply.
        IntentsNextStep next = IntentsNextStep.of(intents, Map.of(1L, 8L, 3L, 30L, 4L, 7L), Map.of(1L, 2L), 8);
        assertFalse(next.allSet());
        assertEquals(List.of("gift wrap", "refund_status"), next.withoutReply(), "oos needs no reply");
        assertEquals(List.of("gift wrap (0)", "refund_status (7)"), next.fewTickets(), "8 is enough, 7 is not");
        assertEquals(List.of("gift wrap"), next.undescribed(), "only an intent without tickets depends on its description");
        assertTrue(next.withoutReplyText().startsWith("gift wrap, refund_status have no reply, so their customers are handed to a person"),
                next.withoutReplyText());
        assertEquals("gift+wrap", next.firstWithoutReplyInLink());
        assertTrue(next.fewTicketsText().startsWith("gift wrap (0), refund_status (7) have fewer than 8 labelled tickets"), next.fewTicketsText());
        // Overview and Models ask for 5 tickets of a new intent: this page says how its 8 and their 5 go together.
        assertTrue(next.fewTicketsText().contains("(a new version learns an intent from "
                + ModelTrainer.TICKETS_PER_NEW_INTENT + ", and well from 8)"), next.fewTicketsText());
    }

    @Test
    void oneIntentReadsInTheSingularAndAWorkspaceInOrderIsAllSet() {
        IntentsNextStep one = IntentsNextStep.of(List.of(intent(1, "track_order", "x"), intent(2, "cancel_order", "y")),
                Map.of(1L, 9L, 2L, 9L), Map.of(1L, 1L), 8);
        assertEquals("cancel_order has no reply, so its customers are handed to a person: write one on", one.withoutReplyText());
        IntentsNextStep done = IntentsNextStep.of(List.of(intent(1, "track_order", "x"), intent(2, "oos", "")),
                Map.of(1L, 8L, 2L, 8L), Map.of(1L, 1L), 8);
        assertTrue(done.allSet());
        IntentsNextStep empty = IntentsNextStep.of(List.of(), Map.of(), Map.of(), 8);
        assertTrue(empty.none());
        assertFalse(empty.allSet(), "a new workspace has nothing to train on");
    }
}
