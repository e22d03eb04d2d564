package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotFillerTest {

    @Test
    void fillsWhatTheTicketGivesAndLeavesTheRestForTheAgent() {
        SlotFiller.Filled filled = SlotFiller.fill("Order {{order_number}} ships to {{email}} by {{delivery_date}}.",
                "hi, my order fh482913 hasn't shipped, write to me at ana.lima@example.org please");
        assertEquals("Order FH482913 ships to ana.lima@example.org by {{delivery_date}}.", filled.text());
        assertEquals(List.of("delivery_date"), filled.openSlots());
    }

    @Test
    void slotNamesAreComparedLooselyAndOrderNumbersTakeCommonForms() {
        assertEquals("Order 1234567 noted.", SlotFiller.fill("Order {{Order Number}} noted.", "about order number 1234567").text());
        assertEquals("#FH-482913", "#" + SlotFiller.fill("{{order_number}}", "ref #FH-482913 pls").text());
        assertEquals("{{order_number}}", SlotFiller.fill("{{order_number}}", "I have no number yet").text());
    }

    @Test
    void slotProblemsAreNamedAndOtherSlotNamesStayAllowed() {
        assertEquals(null, SlotSyntax.problem("Order {{ Order Number }} ships by {{delivery_date}}; ask {{agent}}."));
        assertEquals(null, SlotSyntax.problem("No slots at all, and {single} braces are text."));
        assertTrue(SlotSyntax.problem("Hi {{order_number}, bye").contains("not written as {{name}}"));
        assertTrue(SlotSyntax.problem("Hi order_number}} bye").contains("not written as {{name}}"));
        assertTrue(SlotSyntax.problem("Hi {{}} bye").contains("not written as {{name}}"), "{{}} is no slot at all");
        assertTrue(SlotSyntax.problem("Hi {{ - }} bye").contains("has no name"));
        assertTrue(SlotSyntax.problem("Write to {{emial}}").contains("looks like {{email}}"));
        assertTrue(SlotSyntax.problem("Your {{order_numbr}}").contains("looks like {{order_number}}"));
        assertEquals(null, SlotSyntax.problem("Call {{phone}} or see {{order_date}}"), "different details, not typos");
        assertTrue(SlotSyntax.problem("Your order {{370795561790}} left").contains("'{{370795561790}}' holds a number"));
        assertTrue(SlotSyntax.problem("Your order {{ 3707-9556 }} left").contains("holds a number"));
        assertEquals(null, SlotSyntax.problem("See step {{2}} in {{area_51}}"), "a short number or a name with digits stays a name");
    }

    @Test
    void slotBracesPartedBySpacesAreRefusedWithTheSlotAsItShouldBe() {
        for (String slot : List.of("{ {order_number} }", "{{order_number} }", "{ {order_number}}", "{ { order_number }\t}")) {
            String problem = SlotSyntax.problem("Your order " + slot + " left today.");
            assertTrue(problem != null && problem.contains("'" + slot + "'") && problem.contains("as {{order_number}}"), slot + ": " + problem);
        }
        assertTrue(SlotSyntax.problem("Hi { {order_number and bye").contains("parted by a space near 'Hi { {order_number"));
        assertTrue(SlotSyntax.problem("Hi {{a}} and x} } bye").contains("parted by a space near"));
        assertEquals(null, SlotSyntax.problem("{{order_number}} {{email}}, { x } {y} and {{ delivery_date }}}"));
    }

    @Test
    void slotSignalsTellTheScorerWhatCanBeCompleted() {
        assertArrayEquals(new float[] {1, 0, 0}, SlotFiller.available("where is FH-482913"));
        assertArrayEquals(new float[] {0, 1, 0}, SlotFiller.used("we wrote to {{email}}"));
    }

    @Test
    void anAgentsReplyToOneCustomerBecomesSlotsForEvery() {
        assertEquals("Your order {{order_number}} left today; we wrote to {{email}}. Call {{phone_number}} with questions.",
                SlotFiller.asSlots("Your order 732201349959 left today; we wrote to ana.lima@example.org. Call +44 20 7946 0958 with"
                        + " questions."));
        assertEquals("Refund for #{{order_number}} is on its way.", SlotFiller.asSlots("Refund for #48213 is on its way."));
        assertEquals("Order {{order_number}} is ready.", SlotFiller.asSlots("Order FH-482913 is ready."));
        assertEquals("We are open 9 to 5.", SlotFiller.asSlots("We are open 9 to 5."), "small numbers are no order numbers");
    }

    @Test
    void anOrderNumberAnAgentWroteInBracesOrAfterTheWordNumberBecomesTheSlotToo() {
        // Help-desk exports such as Bitext's brace the customer's own order number; left as it was, every customer would
        // read that one customer's number.
        assertEquals("Cancelling order number {{order_number}}: open {{Order Details}} and find {{order_number}}.",
                SlotFiller.asSlots("Cancelling order number {{370795561790}}: open {{Order Details}} and find {{ 3707-9556-1790 }}."));
        assertEquals("Look for the order with the number {{order_number}}. Call us on {{phone_number}}.",
                SlotFiller.asSlots("Look for the order with the number 370795561790. Call us on (555) 123-4567."));
        assertEquals("Our phone number is {{phone_number}}.", SlotFiller.asSlots("Our phone number is (555) 123-4567."));
        assertEquals("Step number 3 of 5, in {{Website Name}}.", SlotFiller.asSlots("Step number 3 of 5, in {{Website Name}}."));
        // Other numbers an answer quotes are other details: as the order number slot they would be filled with the order's.
        for (String other : new String[] {"Your tracking number 123456789 is active.", "See case number 54321.",
                "Invoice number 20240117 is attached.", "Your account number 12345678 is safe."}) {
            assertEquals(other, SlotFiller.asSlots(other));
        }
        assertEquals("Quote your number {{order_number}} when you call.", SlotFiller.asSlots("Quote your number 370795561790 when you call."));
    }

    @Test
    void aDateAPriceOrAnOrderNumberIsNeverTheCustomersPhoneNumber() {
        String reply = "We will call you at {{phone_number}}.";
        for (String ticket : List.of("ordered on 2024-05-01, still nothing", "it cost 1 299 999 and broke",
                "order #123-4567890 never came", "invoice 2024-0012345 is wrong")) {
            assertEquals(reply, SlotFiller.fill(reply, ticket).text(), ticket);
            assertArrayEquals(new float[] {0}, new float[] {SlotFiller.available(ticket)[2]}, ticket);
        }
        assertEquals("We will call you at +44 20 7946 0958.",
                SlotFiller.fill(reply, "order 2024-05-01 late, call me on +44 20 7946 0958 please").text());
        assertEquals("Delivered 2024-05-01 at 14:30; invoice 2024-0012345. Call {{phone_number}}.",
                SlotFiller.asSlots("Delivered 2024-05-01 at 14:30; invoice 2024-0012345. Call (555) 123-4567."));
    }

    @Test
    void aReplyIsCutAtItsOpenSlotsWhichReadAsWords() {
        List<SlotFiller.Piece> pieces = SlotFiller.pieces("Track it here: {{tracking_link}} (order {{ Order Number }}).");
        assertEquals(List.of(new SlotFiller.Piece("Track it here: ", null), new SlotFiller.Piece("{{tracking_link}}", "tracking link"),
                new SlotFiller.Piece(" (order ", null), new SlotFiller.Piece("{{ Order Number }}", "order number"),
                new SlotFiller.Piece(").", null)), pieces);
        assertEquals(List.of(new SlotFiller.Piece("No slots, {single} braces.", null)), SlotFiller.pieces("No slots, {single} braces."));
        assertEquals(List.of(), SlotFiller.pieces(""));
    }
}
