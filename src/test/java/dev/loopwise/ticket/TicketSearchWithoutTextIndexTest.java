package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.PagingMessages;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where pg_trgm could not be added there is no text index, so every search reads only the tickets next to the page,
 * whatever is typed: the Tickets page then names the missing index instead of suggesting a longer text. The index is taken
 * as absent only for this test, and asked of the database again after it.
 */
@QuarkusTest
class TicketSearchWithoutTextIndexTest {
    private final String tag = "noindex" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void restore() {
        TicketTextIndex.assume(null);
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", tag + "%"));
    }

    @Test
    void aSearchWithTrigramsReadsOnlyTheTicketsNextToThePageAndNamesTheMissingIndex() {
        long farBack = QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.of(tag + " zeppelin", null, null, null, Ticket.SOURCE_IMPORT);
            ticket.persist();
            return ticket.id;
        });
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select ?1 || ' nothing ' || n, encode(sha256(convert_to(?1 || ' nothing ' || n, 'UTF8')), 'hex'), 'import'
                from generate_series(1, ?2) n""").setParameter(1, tag).setParameter(2, Ticket.NEARBY + 1).executeUpdate());
        String typed = tag + " Zeppelin";

        String withIndex = search(typed);
        assertTrue(withIndex.contains(row(farBack)) && !withIndex.contains("Searched only"), withIndex);

        TicketTextIndex.assume(false);
        String without = search(typed);
        assertFalse(without.contains(row(farBack)), "only the 10,000 newest were read: " + without);
        assertTrue(without.contains("since the database lacks the text index (pg_trgm)"), without);
        assertFalse(without.contains("Type three letters or digits"), "three letters are typed already: " + without);
        assertTrue(without.contains(PagingMessages.noTicketNearby(typed, Ticket.NEARBY)), without);
    }

    private static String search(String text) {
        return Caller.session("admin").pageRequest().accept("text/html").queryParam("unlabelled", "true").queryParam("q", text)
                .get("/admin/tickets").then().statusCode(200).extract().asString();
    }

    private static String row(long id) {
        return "<td class=\"num\">" + id + "</td>";
    }
}
