package dev.loopwise.admin;

import dev.loopwise.common.PagingMessages;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.TicketTextIndex;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Tickets page's links and words for the list shown: all tickets, or those without an intent, maybe searched. */
@TemplateExtension(namespace = "tickets")
public class TicketSearch {

    /**
     * What a link adds to stay on the same list with the same search: "&unlabelled=true&q=…", or nothing. Raw, as the links
     * around it write their &: the search is URL-encoded, which leaves no character HTML would read.
     */
    static RawString also(boolean unlabelled, String search) {
        return new RawString(query(unlabelled, search));
    }

    /** The newest page of the same list with the same search. */
    static RawString newest(boolean unlabelled, String search) {
        return new RawString(unlabelled ? "/admin/tickets?" + query(true, search).substring(1) : "/admin/tickets");
    }

    private static String query(boolean unlabelled, String search) {
        if (!unlabelled) {
            return "";
        }
        return "&unlabelled=true" + searched(search);
    }

    /** "&q=…" while a search is kept, else nothing; a space as %20, since a + in the address is read as a plus sign. */
    static String searched(String search) {
        return search.isEmpty() ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What a search read when it left tickets out (see {@link TicketPager#windowCut}), else nothing. */
    static String window(TicketPager pager) {
        if (!pager.windowCut()) {
            return "";
        }
        if (pager.restStopped()) {
            return PagingMessages.ticketSearchWindowStopped(Ticket.NEARBY);
        }
        return TicketTextIndex.present() ? PagingMessages.ticketSearchWindow(Ticket.NEARBY)
                : PagingMessages.ticketSearchWindowNoIndex(Ticket.NEARBY);
    }

    /** A page the search found nothing on: where it read only part of the tickets, the links search on. */
    static String noMatch(String search, boolean windowCut) {
        return windowCut ? PagingMessages.noTicketNearby(search, Ticket.NEARBY) : PagingMessages.noTicketContains(search);
    }
}
