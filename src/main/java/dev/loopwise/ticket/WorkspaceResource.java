package dev.loopwise.ticket;

import dev.loopwise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read access to the workspace. Intents: admin, reviewer. Tickets and replies: admin. */
@Path("/api/v1")
@Tag(name = "Workspace")
public class WorkspaceResource {

    public record IntentView(long id, String name, String description) {
    }

    public record TicketView(long id, String text, String label, String response, String split, String source,
                             OffsetDateTime createdAt) {
    }

    public record ReplyView(long id, String intent, String text, String status) {
    }

    @GET
    @Path("/intents")
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    public List<IntentView> intents() {
        return Intent.listByName().stream().map(i -> new IntentView(i.id, i.name, i.description)).toList();
    }

    @GET
    @Path("/tickets")
    @RolesAllowed(Role.ADMIN)
    public List<TicketView> tickets(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Ticket.newestFirst(page, size).stream()
                .map(t -> new TicketView(t.id, t.text, t.intent == null ? null : t.intent.name, t.response,
                        t.split, t.source, t.createdAt))
                .toList();
    }

    @GET
    @Path("/replies")
    @RolesAllowed(Role.ADMIN)
    public List<ReplyView> replies() {
        return Reply.listActive().stream().map(r -> new ReplyView(r.id, r.intent.name, r.text, r.status)).toList();
    }
}
