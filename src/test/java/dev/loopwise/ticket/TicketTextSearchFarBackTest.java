package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A search finds a ticket however far back it lies: past the tickets next to the page that a search reads first, the
 * rest is looked up another way, and it must still ignore case and take %, _, ! and \ as the characters typed.
 */
@QuarkusTest
class TicketTextSearchFarBackTest {
    @Inject
    TicketSearchConfig config;
    private final String tag = "farback" + UUID.randomUUID().toString().substring(0, 8);

    private TicketTextSearch.RestTime rest() {
        return TicketTextSearch.RestTime.of(config.restMs());
    }

    @AfterEach
    void removeTheTickets() {
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("lower(text) like ?1", tag + "%"));
    }

    @Test
    void aRareTextFarBackIsFoundIgnoringCaseWithItsSpecialCharactersTakenAsTyped() {
        ticket(tag + " Zeppelin 50X_off! C:\\Path"); // % is a character, not any text
        ticket(tag + " Zeppelin 50%Xoff! C:\\Path"); // _ is a character, not any one
        ticket(tag + " Zeppelin 50%_off? C:\\Path"); // ! is a character, not the escape of the next
        ticket(tag + " Zeppelin 50%_off! C:/Path");  // \ is a character, not an escape
        long farBack = ticket(tag + " Zeppelin 50%_off! C:\\Path");
        fill(Ticket.NEARBY + 1);
        long newest = ticket(tag.toUpperCase(Locale.ROOT) + " zeppelin 50%_OFF! c:\\path");
        String typed = tag.toUpperCase(Locale.ROOT) + " zEPPELIN 50%_off! c:\\PATH";

        assertEquals(List.of(newest, farBack), ids(() -> Ticket.newestFirst(null, 0, 50, true, typed, rest())));
        assertEquals(List.of(newest, farBack), ids(() -> Ticket.newestFirst(null, 0, 50, false, typed, rest())), "all tickets, not only the unlabelled");
        assertEquals(List.of(farBack), ids(() -> Ticket.newestFirst(newest, 0, 50, true, typed, rest())), "below a cursor");
        assertEquals(List.of(farBack), ids(() -> Ticket.newestFirst(null, 1, 50, true, typed, rest())), "after an offset");
        assertEquals(List.of(farBack, newest), ids(() -> Ticket.oldestFirstAbove(farBack - 1, 50, true, typed, rest())), "oldest first");
        assertEquals(List.of(newest), ids(() -> Ticket.oldestFirstAbove(farBack, 50, false, typed, rest())), "above a cursor");
    }

    @Test
    void aTextTooShortForTheIndexIsSearchedOnlyNextToThePageAndContinuesBelowIt() {
        long farBack = ticket(tag + " QZ");
        fill(Ticket.NEARBY + 1);

        // Other tickets may hold "qz" too: only this test's are compared.
        assertEquals(List.of(), mine(() -> Ticket.newestFirst(null, 0, 50, true, "qZ", rest())), "the window ends above it");
        Long edge = QuarkusTransaction.requiringNew().call(() -> Ticket.nearbyEdgeBelow(null, true));
        long newestFill = QuarkusTransaction.requiringNew().call(() -> ((Number) Ticket.getEntityManager()
                .createNativeQuery("select max(id) from tickets where text like ?1").setParameter(1, tag + " nothing%")
                .getSingleResult()).longValue());
        assertEquals(newestFill - (Ticket.NEARBY - 1), edge, "the window is the 10,000 newest, all of them this test's");
        assertEquals(List.of(farBack), mine(() -> Ticket.newestFirst(edge, 0, 50, true, "qZ", rest())), "below the window's edge");
        assertEquals(List.of(farBack), mine(() -> Ticket.newestFirst(null, 0, 50, true, tag + " qZ", rest())), "a text with trigrams reads all");
    }

    private List<Long> mine(Supplier<List<Ticket>> search) {
        return QuarkusTransaction.requiringNew().call(() -> search.get().stream().filter(ticket -> ticket.text.startsWith(tag))
                .map(ticket -> ticket.id).toList());
    }

    private void fill(int count) {
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select ?1 || ' nothing to find ' || n, encode(sha256(convert_to(?1 || ' nothing to find ' || n, 'UTF8')), 'hex'), 'import'
                from generate_series(1, ?2) n""").setParameter(1, tag).setParameter(2, count).executeUpdate());
    }

    private static List<Long> ids(Supplier<List<Ticket>> search) {
        return QuarkusTransaction.requiringNew().call(() -> search.get().stream().map(ticket -> ticket.id).toList());
    }

    private static long ticket(String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.of(text, null, null, null, Ticket.SOURCE_IMPORT);
            ticket.persist();
            return ticket.id;
        });
    }
}
