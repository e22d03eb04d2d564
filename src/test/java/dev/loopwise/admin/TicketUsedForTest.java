package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Ticket;
import org.junit.jupiter.api.Test;

/** The tickets' table says what a ticket is for in words, not as the split code "train" or "test". */
class TicketUsedForTest {
    @Test
    void aLabelledTicketLearnsOrChecksAndAnUnlabelledOneNeither() {
        Intent intent = new Intent();
        assertEquals("learning", AdminFormats.usedFor(Ticket.of("Where is my parcel?", intent, null, "train", Ticket.SOURCE_IMPORT)));
        assertEquals("checking the model", AdminFormats.usedFor(Ticket.of("Where is my parcel?", intent, null, "test", Ticket.SOURCE_IMPORT)));
        assertEquals("nothing until it has an intent", AdminFormats.usedFor(Ticket.of("Where is my parcel?", null, null, null, Ticket.SOURCE_IMPORT)));
        assertEquals("learning", AdminFormats.usedFor(Ticket.of("Where is my parcel?", intent, null, null, Ticket.SOURCE_IMPORT)),
                "training takes a labelled ticket without a split as a train one");
    }

    @Test
    void whereATicketCameFromReadsInWords() {
        assertEquals("imported file", AdminFormats.cameFrom(Ticket.of("Where is my parcel?", null, null, null, Ticket.SOURCE_IMPORT)));
        assertEquals("served request", AdminFormats.cameFrom(Ticket.of("Where is my parcel?", null, null, null, Ticket.SOURCE_TRAFFIC)));
        assertEquals("new topic (drift)", AdminFormats.cameFrom(Ticket.of("Where is my parcel?", null, null, null, "drift")));
    }
}
