package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.PagingMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.TicketSearchConfig;
import dev.loopwise.ticket.TicketTextIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A search whose trigrams are all common reads every ticket holding them past the tickets next to the page; with the time
 * that may take set to 1 ms, that read is always stopped, and the page must then show what the window held, say that the
 * search past it was stopped, and go on through its links. The 30,000 tickets added hold every trigram of "the the" but
 * not the text.
 */
@QuarkusTest
@TestProfile(TicketSearchTooCommonTest.OneMillisecond.class)
class TicketSearchTooCommonTest {
    @Inject
    TicketSearchConfig config;
    private static final String COMMON = "the the";
    private final String tag = "common" + UUID.randomUUID().toString().substring(0, 8);

    public static class OneMillisecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("loopwise.ticket-search.rest-ms", "1");
        }
    }

    @AfterEach
    void removeTheTickets() {
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", tag + "%"));
    }

    @Test
    void aSearchStoppedPastTheWindowShowsTheWindowsMatchesSaysSoAndGoesOn() {
        assertTrue(QuarkusTransaction.requiringNew().call(TicketTextIndex::present), "migration V58 creates the index");
        add(Ticket.NEARBY + 20_000, " the cat and the dog ");
        add(3, " " + COMMON + " ");
        List<Long> found = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("text like ?1 order by id desc",
                tag + " " + COMMON + "%").list().stream().map(t -> t.id).toList());
        long edge = QuarkusTransaction.requiringNew().call(() -> ((Number) Ticket.getEntityManager()
                .createNativeQuery("select id from tickets where intent_id is null order by id desc offset ?1 limit 1")
                .setParameter(1, Ticket.NEARBY - 1).getSingleResult()).longValue());

        TicketPager pager = QuarkusTransaction.requiringNew().call(() -> TicketPager.of(null, null, 50, true, COMMON, config.restMs()));
        assertEquals(found, pager.tickets().stream().map(t -> t.id).toList(), "the window's matches, all this test's");
        assertTrue(pager.restStopped() && pager.windowCut());
        assertEquals(edge, pager.olderThan(), "Older goes on below the window");

        String page = search(COMMON);
        for (long id : found) {
            assertTrue(page.contains(row(id)), page);
        }
        assertTrue(page.contains(PagingMessages.ticketSearchWindowStopped(Ticket.NEARBY)), page);
        assertTrue(page.contains("took longer than the time Loopwise allows a search"), page);
        assertTrue(page.contains("href=\"/admin/tickets?before=" + edge + "&unlabelled=true&q=the%20the\""), page);

        String second = Caller.session("admin").pageRequest().accept("text/html").queryParam("unlabelled", "true")
                .queryParam("q", COMMON).queryParam("before", edge).get("/admin/tickets").then().statusCode(200).extract()
                .asString();
        assertTrue(second.contains(PagingMessages.ticketSearchWindowStopped(Ticket.NEARBY)), second);
        assertTrue(second.contains("\">← Newer</a>") && second.contains("href=\"/admin/tickets?after="), "a way back: " + second);
        for (long id : found) {
            assertFalse(second.contains(row(id)), "the first page's tickets are not shown again: " + second);
        }
    }

    @Test
    void searchesStoppedOneAfterAnotherAllAnswerWithAPage() {
        add(Ticket.NEARBY + 20_000, " the cat and the dog ");
        // More than the 20 connections of the pool: a stopped search that kept its connection would leave none.
        for (int i = 0; i < 25; i++) {
            assertTrue(search(COMMON).contains(PagingMessages.ticketSearchWindowStopped(Ticket.NEARBY)), "search " + i);
        }
    }

    @Test
    void aSearchTheWindowAnswersNeverAsksTheRest() {
        add(60, " balcony ");
        String page = search(tag + " balcony");
        assertEquals(50, page.split("<td class=\"num\">", -1).length - 1, page);
        assertFalse(page.contains("Searched only"), page);
    }

    private static String search(String text) {
        return Caller.session("admin").pageRequest().accept("text/html").queryParam("unlabelled", "true").queryParam("q", text)
                .get("/admin/tickets").then().statusCode(200).extract().asString();
    }

    private void add(int count, String text) {
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select ?1 || ?2 || n, encode(sha256(convert_to(?1 || ?2 || n, 'UTF8')), 'hex'), 'import'
                from generate_series(1, ?3) n order by n""").setParameter(1, tag).setParameter(2, text).setParameter(3, count)
                .executeUpdate());
    }

    private static String row(long id) {
        return "<td class=\"num\">" + id + "</td>";
    }
}
