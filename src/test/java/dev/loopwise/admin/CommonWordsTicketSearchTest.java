package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.review.item.RecordedStatements;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A text whose words are in more tickets than a window holds would make the trigram index hand back all of them, to be
 * read and tested, however few match: such a search reads the window next to the page only, and its links page on
 * through the next windows without skipping or repeating a match. A rare text still looks the rest up through the
 * index. The statements sent say which way a search went; the statistics are gathered after the tickets are added, as
 * the database does by itself after many writes.
 */
@QuarkusTest
class CommonWordsTicketSearchTest {
    /** Well past a window, so that the planner's estimate of tickets holding the word is past it too. */
    private static final int TICKETS = 2 * Ticket.NEARBY;
    /**
     * Every 50th of the newer half holds the word twice (200 matches: full pages), every 500th of the older half (20:
     * fewer than a page in a window, so those pages read only their window).
     */
    private static final int DENSE = 50;
    private static final int SPARSE = 500;
    private final String word = "cw" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeTheTickets() {
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", word + "%"));
    }

    @Test
    void wordsInManyTicketsAreSearchedAWindowAtATimeAndPagedWithoutSkippingOrRepeating() {
        long farBack = ticket(word + " zeppelin");
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select t, encode(sha256(convert_to(t, 'UTF8')), 'hex'), 'import'
                from (select n, ?1 || case when n % (case when n > ?2 / 2 then ?3 else ?4 end) = 0 then ' ' || upper(?1) else '' end || ' asks about ticket ' || n t
                      from generate_series(1, ?2) n) s order by n""")
                .setParameter(1, word).setParameter(2, TICKETS).setParameter(3, DENSE).setParameter(4, SPARSE)
                .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("analyze tickets").executeUpdate());
        List<Long> expected = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager()
                .createNativeQuery("select id from tickets where text like ?1 order by id desc", Long.class)
                .setParameter(1, word + " " + word.toUpperCase(Locale.ROOT) + " %").getResultList());
        String typed = word.toUpperCase(Locale.ROOT) + " " + word;

        List<String> sent = new ArrayList<>();
        List<Long> older = new ArrayList<>();
        boolean windowCut = false;
        Long before = null;
        do {
            Long cursor = before;
            TicketPager[] page = new TicketPager[1];
            sent.addAll(RecordedStatements.of(() -> page[0] = page(cursor, null, typed)));
            page[0].tickets().forEach(ticket -> older.add(ticket.id));
            windowCut |= page[0].windowCut();
            before = page[0].olderThan();
        } while (before != null);
        assertEquals(expected, older, "Older, page after page, shows each match once, newest first");
        assertTrue(windowCut, "some page read only its window");
        assertTrue(sent.stream().noneMatch(sql -> !sql.startsWith("explain") && sql.contains(" ilike ")), "nothing looked up through the index: " + sent);

        List<Long> newer = new ArrayList<>();
        Long after = expected.get(expected.size() - 1) - 1;
        while (true) {
            TicketPager page = page(null, after, typed);
            // Fewer than a page above: the newest page shows them, with some already seen below it.
            long seen = newer.isEmpty() ? after : newer.get(0);
            newer.addAll(0, page.tickets().stream().map(ticket -> ticket.id).filter(id -> !page.isNewest() || id > seen).toList());
            if (page.isNewest()) {
                break;
            }
            after = page.newerThan();
        }
        assertEquals(expected, newer, "Newer, from the oldest match up, shows the same");
        assertEquals(expected.size(), new HashSet<>(newer).size());

        List<String> rare = RecordedStatements.of(() -> assertEquals(List.of(farBack),
                page(null, null, word + " Zeppelin").tickets().stream().map(ticket -> ticket.id).toList()));
        assertTrue(rare.stream().anyMatch(sql -> !sql.startsWith("explain") && sql.contains(" ilike ") && sql.contains("+0")),
                "a rare text, past the window, is looked up through the index: " + rare);
        assertFalse(page(null, null, word + " Zeppelin").windowCut());
    }

    private static TicketPager page(Long before, Long after, String text) {
        return QuarkusTransaction.requiringNew().call(() -> TicketPager.of(before, after, 50, true, text));
    }

    private static long ticket(String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.of(text, null, null, null, Ticket.SOURCE_IMPORT);
            ticket.persist();
            return ticket.id;
        });
    }
}
