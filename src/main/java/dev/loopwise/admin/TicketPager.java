package dev.loopwise.admin;

import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.TicketTextSearch.RestTime;
import dev.loopwise.ticket.TicketTextSearch.TimedOut;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of the Tickets page, found by the ids around it rather than by its number: a page number would make the
 * database read and skip every newer ticket, so a page far back would cost as much as the whole history before it.
 *
 * @param tickets   the tickets shown, newest first
 * @param cursor    what shows this very page again (its newest id + 1), null on the newest page; the label form sends it back
 * @param olderThan the {@code before} of the Older link, null when nothing older follows
 * @param newerThan the {@code after} of the Newer link, null on the newest page
 * @param windowCut whether a search that reads only the tickets next to the page left some out, which its links then search
 * @param restStopped whether it read only those because the search past them took longer than a search may take
 */
public record TicketPager(List<Ticket> tickets, Long cursor, Long olderThan, Long newerThan, boolean windowCut,
        boolean restStopped) {

    public TicketPager(List<Ticket> tickets, Long cursor, Long olderThan, Long newerThan) {
        this(tickets, cursor, olderThan, newerThan, false);
    }

    public TicketPager(List<Ticket> tickets, Long cursor, Long olderThan, Long newerThan, boolean windowCut) {
        this(tickets, cursor, olderThan, newerThan, windowCut, false);
    }

    /**
     * {@code contains}: only the tickets whose text holds it (null or blank: all); {@code restMs}: how long the searches past
     * the tickets next to the page may take in all (LOOPWISE_TICKET_SEARCH_REST_MS).
     */
    static TicketPager of(Long cursor, Long after, int size, boolean unlabelled, String contains, int restMs) {
        // A search the index cannot serve reads only the tickets next to the page: where it found too few to fill one, its
        // links continue past them rather than ending the list.
        boolean windowed = contains != null && !contains.isBlank() && !Ticket.searchesAll(contains.strip());
        try {
            return found(cursor, after, size, unlabelled, contains, windowed ? null : RestTime.of(restMs));
        } catch (TimedOut e) {
            // The search past the window was stopped: the page is found as a search the index cannot serve, which asks
            // nothing past the window, so no statement of this page runs unbounded after the stop.
            TicketPager nearby = found(cursor, after, size, unlabelled, contains, null);
            return new TicketPager(nearby.tickets, nearby.cursor, nearby.olderThan, nearby.newerThan, nearby.windowCut,
                    nearby.windowCut);
        }
    }

    /** {@code rest}: the time the searches past the window may take, for the whole page; null: a search reads only the window. */
    private static TicketPager found(Long cursor, Long after, int size, boolean unlabelled, String contains, RestTime rest) {
        boolean windowed = rest == null && contains != null && !contains.isBlank();
        // A cursor above every ticket (a typed address, the largest number) shows the newest page, and says so: its Newer
        // link would lead back to this same page. A windowed search's cursor may lie below a window without a match.
        Long before = cursor != null && Ticket.oldestFirstAbove(cursor - 1, 1, unlabelled, windowed ? null : contains, rest)
                .isEmpty()
                ? null : cursor;
        if (after != null) {
            List<Ticket> above = new ArrayList<>(Ticket.oldestFirstAbove(after, size + 1, unlabelled, contains, rest));
            // A window with tickets past it would let the newest page skip their matches: show what it found, and go on above it.
            Long upperEdge = windowed && above.size() <= size ? Ticket.nearbyEdgeAbove(after, unlabelled) : null;
            if (above.size() > size || upperEdge != null) {
                // A full page (or a window's worth) lies between this one and the newest: show it, newest first, with an Older
                // link back to after.
                List<Ticket> page = new ArrayList<>(above.subList(0, Math.min(size, above.size())));
                Collections.reverse(page);
                Long last = page.isEmpty() ? after + 1 : page.get(page.size() - 1).id;
                Long older = Ticket.newestFirst(last, 0, 1, unlabelled, contains, rest).isEmpty()
                        && !(windowed && Ticket.nearbyEdgeBelow(last, unlabelled) != null) ? null : last;
                // The window's newest id + 1 shows it again: the NEARBY tickets below it are this same window.
                return upperEdge != null ? new TicketPager(page, upperEdge + 1, older, upperEdge, true)
                        : new TicketPager(page, page.get(0).id + 1, older, page.get(0).id);
            }
            // Fewer than a page above it, all read: the newest page holds them.
        }
        List<Ticket> fetched = Ticket.newestFirst(before, 0, size + 1, unlabelled, contains, rest);
        List<Ticket> page = fetched.size() > size ? fetched.subList(0, size) : fetched;
        Long lowerEdge = windowed && fetched.size() <= size ? Ticket.nearbyEdgeBelow(before, unlabelled) : null;
        Long older = fetched.size() > size ? page.get(page.size() - 1).id : lowerEdge;
        if (before == null) {
            return new TicketPager(page, null, older, null, lowerEdge != null);
        }
        // Below a cursor lies a newer page (the one it came from); a page past the end (a typed address, or tickets labelled
        // away meanwhile) leads back above the cursor.
        Long newer = !page.isEmpty() ? page.get(0).id : before > 1 ? before - 1 : null;
        return new TicketPager(page, page.isEmpty() ? before : page.get(0).id + 1, older, newer, lowerEdge != null);
    }

    public boolean isNewest() {
        return cursor == null;
    }
}
