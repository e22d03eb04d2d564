package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.TicketSearchConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A search without three letters or digits in a row reads only the 10,000 tickets next to the page, in both directions:
 * going Newer must not skip the matches of a window it has not read, the notice shows only when a window left tickets
 * out, and no link leads past the last ticket. The tickets are added in one run, so their ids follow each other.
 */
@QuarkusTest
class WindowedTicketPagerTest {
    @Inject
    TicketSearchConfig config;
    private static final String TEXT = "~§";
    private final String tag = "windowed" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeTheTickets() {
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", tag + "%"));
    }

    @Test
    void newerSearchesEachWindowAboveAndOlderComesBack() {
        long a = first(60, "A" + TEXT); // ids a .. a+59, oldest first
        add(Ticket.NEARBY, "filler");   // a+60 .. a+10,059
        add(30, "B" + TEXT);            // a+10,060 .. a+10,089
        add(Ticket.NEARBY, "filler");   // a+10,090 .. a+20,089, the newest tickets

        TicketPager newest = page(null, null);
        assertEquals(List.of(), newest.tickets(), "the newest 10,000 hold no match");
        assertEquals(a + 10_090, newest.olderThan());
        assertTrue(newest.windowCut());

        TicketPager bs = page(a + 10_090, null);
        assertEquals(range(a + 10_089, a + 10_060), ids(bs), "the next window holds the 30 B");
        assertEquals(a + 90, bs.olderThan());
        assertTrue(bs.windowCut());

        TicketPager as = page(a + 90, null);
        assertEquals(range(a + 59, a + 10), ids(as), "a full page of A: nothing left out");
        assertEquals(a + 59, as.newerThan());
        assertFalse(as.windowCut());

        TicketPager gap = page(null, a + 59);
        assertEquals(List.of(), gap.tickets(), "the 10,000 fillers above the A, not the newest page");
        assertEquals(a + 10_059, gap.newerThan(), "Newer goes on above that window");
        assertEquals(a + 60, gap.olderThan(), "Older comes back to the A");
        assertEquals(a + 10_060, gap.cursor());
        assertTrue(gap.windowCut());
        assertEquals(range(a + 59, a + 10), ids(page(gap.olderThan(), null)));

        TicketPager bsAgain = page(null, a + 10_059);
        assertEquals(range(a + 10_089, a + 10_060), ids(bsAgain), "the 30 B are not skipped");
        assertEquals(a + 20_059, bsAgain.newerThan());
        assertEquals(a + 10_060, bsAgain.olderThan());
        assertEquals(ids(bsAgain), ids(page(bsAgain.cursor(), null)), "the cursor shows this same page again");

        TicketPager top = page(null, a + 20_059);
        assertTrue(top.isNewest(), "only 30 tickets lie above: all read, so the newest page holds them");
        assertEquals(List.of(), top.tickets());
    }

    @Test
    void aSearchThatReadEveryTicketBelowSaysNothingAndOffersNoOlder() {
        add(Ticket.NEARBY + 1, "filler");
        // Exactly 10,000 tickets without an intent lie below this one, and 5 below the other.
        long tenThousandBelow = nthOldestUnlabelled(Ticket.NEARBY);
        long fiveBelow = nthOldestUnlabelled(5);

        TicketPager edge = page(tenThousandBelow, null, "~¤");
        assertNull(edge.olderThan(), "nothing lies past the 10,000: no Older link to an empty page");
        assertFalse(edge.windowCut());

        TicketPager five = page(fiveBelow, null, TEXT);
        assertNull(five.olderThan());
        assertFalse(five.windowCut(), "all 5 were read");
        String html = Caller.session("admin").pageRequest().accept("text/html").queryParam("unlabelled", "true")
                .queryParam("before", fiveBelow).queryParam("q", TEXT).get("/admin/tickets").then().statusCode(200).extract().asString();
        assertFalse(html.contains("tickets-search-window"), html);
        assertFalse(html.contains("Searched only"), html);
    }

    private TicketPager page(Long before, Long after) {
        return page(before, after, TEXT);
    }

    private TicketPager page(Long before, Long after, String text) {
        return QuarkusTransaction.requiringNew().call(() -> TicketPager.of(before, after, 50, true, text, config.restMs()));
    }

    private static List<Long> ids(TicketPager pager) {
        return pager.tickets().stream().map(ticket -> ticket.id).toList();
    }

    private static List<Long> range(long from, long downTo) {
        return LongStream.rangeClosed(downTo, from).map(id -> from + downTo - id).boxed().toList();
    }

    private static long nthOldestUnlabelled(int n) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Ticket.getEntityManager()
                .createNativeQuery("select id from tickets where intent_id is null order by id offset ?1 limit 1").setParameter(1, n)
                .getSingleResult()).longValue());
    }

    /** Adds the tickets and returns the id of the first. */
    private long first(int count, String text) {
        add(count, text);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Ticket.getEntityManager()
                .createNativeQuery("select min(id) from tickets where text like ?1").setParameter(1, tag + " %")
                .getSingleResult()).longValue());
    }

    private void add(int count, String text) {
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select ?1 || ' ' || ?2 || ' ' || n, encode(sha256(convert_to(?1 || ' ' || ?2 || ' ' || n, 'UTF8')), 'hex'), 'import'
                from generate_series(1, ?3) n order by n""").setParameter(1, tag).setParameter(2, text).setParameter(3, count)
                .executeUpdate());
    }
}
