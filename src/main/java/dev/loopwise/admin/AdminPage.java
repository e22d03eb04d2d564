package dev.loopwise.admin;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.PagingMessages;
import dev.loopwise.common.http.FormValues;
import dev.loopwise.common.http.Paging;
import dev.loopwise.security.Role;
import dev.loopwise.security.user.User;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.TicketSearchConfig;
import dev.loopwise.ticket.TicketTextSearch;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The admin's home: the workspace at a glance and its tickets. Roles: admin. */
@Path("/admin")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPage {
    static final int TICKET_PAGE_SIZE = 50;

    @Inject
    FirstWeek firstWeek;
    @Inject
    WorkspaceService workspace;
    @Inject
    TicketSearchConfig ticketSearch;
    @Context
    UriInfo uri;

    public record IntentRow(Intent intent, long tickets, long replies) {
    }

    @CheckedTemplate
    static class Templates {
        /** {@code reviewAddress}: the reviewers' page in full, a link wherever a step names it. */
        static native TemplateInstance overview(FirstWeek.Guide guide, List<IntentRow> intents, long labelled, long tickets, long users,
                                                List<Ticket> recent, String reviewAddress);

        /** {@code search}: the text the listed tickets hold, empty for all of them. */
        static native TemplateInstance tickets(TicketPager pager, long total, boolean unlabelled, String search, List<Intent> intents,
                                               String error, String notice);
    }

    @GET
    public TemplateInstance overview() {
        // Every figure comes from the kept ticket counts: the page costs the same with a thousand tickets or ten million.
        Map<Long, Long> ticketCounts = Ticket.countsByIntent();
        Map<Long, Long> replyCounts = Reply.countsByIntent();
        List<Intent> all = Intent.listByName();
        List<IntentRow> intents = all.stream()
                .map(i -> new IntentRow(i, ticketCounts.getOrDefault(i.id, 0L), replyCounts.getOrDefault(i.id, 0L)))
                .toList();
        long labelled = ticketCounts.values().stream().mapToLong(Long::longValue).sum();
        // In full, as the lead reached Loopwise: a path alone cannot be sent to reviewers as it is.
        String reviewAddress = UriBuilder.fromUri(uri.getBaseUri()).path("review").build().toString();
        return Templates.overview(firstWeek.guide(ticketCounts, all, reviewAddress), intents, labelled,
                labelled + Ticket.countUnlabelled(), User.count(), Ticket.newestFirst(0, 10), reviewAddress);
    }

    /**
     * One page of tickets, newest first: {@code before} continues below a page (the Older link), {@code after} shows the page
     * just above one (the Newer link); both read only the rows shown, however far back the page is. Both at once are refused.
     * {@code q}: only the tickets without an intent whose text holds it, ignoring case (see {@link Ticket#newestFirst(Long,
     * long, int, boolean, String, TicketTextSearch.RestTime)} for what that costs).
     */
    @GET
    @Path("/tickets")
    public TemplateInstance tickets(@QueryParam("before") String before, @QueryParam("after") String after,
                                    @QueryParam("unlabelled") String unlabelled, @QueryParam("q") String q,
                                    @QueryParam("labelled") Long labelled) {
        Long older = Paging.before("before", before);
        Long newer = Paging.after("after", after);
        Paging.oneWay("before", older, "after", newer);
        boolean onlyUnlabelled = FormValues.bool("unlabelled", unlabelled, false);
        TemplateInstance shown = ticketsPage(older, newer, onlyUnlabelled, search(onlyUnlabelled, q), null);
        if (labelled != null) {
            // Said after the redirect: which ticket now has which intent, so a click that changed nothing visible is confirmed.
            Ticket ticket = Ticket.findById(labelled);
            shown.data("notice", ticket == null ? null : ticket.intent == null ? "Ticket " + labelled + " has no intent now."
                    : "Ticket " + labelled + " is labelled " + ticket.intent.name + ".");
        }
        return shown;
    }

    /**
     * Labels one ticket from the Tickets page (roles: admin), then shows the same page of the same list again: {@code before}
     * is the cursor that page was shown with (empty on the newest page).
     */
    @POST
    @Path("/tickets/{id}/label")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response label(@PathParam("id") long id, @RestForm String intent, @RestForm String before, @RestForm String unlabelled,
                          @RestForm String q) {
        boolean onlyUnlabelled = FormValues.bool("unlabelled", unlabelled, false);
        String search = search(onlyUnlabelled, q);
        Long cursor = before == null || before.isBlank() ? null : Paging.before("before", before);
        try {
            workspace.labelTicket(id, intent);
            return Response.seeOther(URI.create("/admin/tickets?" + (cursor == null ? "" : "before=" + cursor + "&")
                    + (onlyUnlabelled ? "unlabelled=true&" : "") + "labelled=" + id + TicketSearch.searched(search))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(ticketsPage(cursor, null, onlyUnlabelled, search, e.getMessage())).build();
        }
    }

    /**
     * The search kept: only on the list of tickets without an intent, the one a lead picks from. A longer one than a search
     * may be is refused, as each character adds to what the database looks up and tests.
     */
    private static String search(boolean unlabelled, String q) {
        String search = unlabelled && q != null ? TicketTextSearch.trimmed(q) : "";
        if (TicketTextSearch.tooLong(search)) {
            throw ApiException.invalidParameter("q", PagingMessages.ticketSearchTooLong(TicketTextSearch.MAX_CHARACTERS,
                    TicketTextSearch.MAX_WORDS));
        }
        return search;
    }

    private TemplateInstance ticketsPage(Long before, Long after, boolean unlabelled, String search, String error) {
        long total = unlabelled ? Ticket.countUnlabelled() : Ticket.countAll();
        TicketPager pager = TicketPager.of(before, after, TICKET_PAGE_SIZE, unlabelled, search, ticketSearch.restMs());
        return Templates.tickets(pager, total, unlabelled, search, Intent.listByName(), error, null);
    }
}
