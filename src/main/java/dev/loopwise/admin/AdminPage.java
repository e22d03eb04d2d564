package dev.loopwise.admin;

import dev.loopwise.security.Role;
import dev.loopwise.security.User;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The admin's home: the workspace at a glance and its tickets. Roles: admin. */
@Path("/admin")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPage {
    static final int TICKET_PAGE_SIZE = 50;

    @jakarta.inject.Inject
    FirstWeek firstWeek;

    public record IntentRow(Intent intent, long tickets, long replies) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(FirstWeek.Guide guide, List<IntentRow> intents, long labelled, long tickets, long users,
                                                List<Ticket> recent);

        static native TemplateInstance tickets(List<Ticket> tickets, int page, boolean hasNext, long total);
    }

    @GET
    public TemplateInstance overview() {
        Map<Long, Long> ticketCounts = Ticket.countsByIntent();
        Map<Long, Long> replyCounts = Reply.countsByIntent();
        List<IntentRow> intents = Intent.listByName().stream()
                .map(i -> new IntentRow(i, ticketCounts.getOrDefault(i.id, 0L), replyCounts.getOrDefault(i.id, 0L)))
                .toList();
        return Templates.overview(firstWeek.guide(), intents, Ticket.countLabelled(), Ticket.count(), User.count(),
                Ticket.newestFirst(0, 10));
    }

    @GET
    @Path("/tickets")
    public TemplateInstance tickets(@QueryParam("page") @DefaultValue("0") int page) {
        int safePage = Math.max(page, 0);
        long total = Ticket.count();
        boolean hasNext = (long) (safePage + 1) * TICKET_PAGE_SIZE < total;
        return Templates.tickets(Ticket.newestFirst(safePage, TICKET_PAGE_SIZE), safePage, hasNext, total);
    }
}
