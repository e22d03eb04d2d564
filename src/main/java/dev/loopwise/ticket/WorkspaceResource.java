package dev.loopwise.ticket;

import dev.loopwise.common.http.Paging;
import dev.loopwise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Read access to the workspace. Intents: admin, reviewer. Tickets and replies: admin. */
@Path("/api/v1")
@Tag(name = "Workspace")
public class WorkspaceResource {

    @Schema(name = "Intent")
    public record IntentView(@Schema(description = "The intent's id") long id,
                             @Schema(description = "Its name, the label tickets and answers carry (oos: out of scope)", example = "track_order")
                             String name,
                             @Schema(description = "The one line the zero-shot classifier reads; empty for an intent an import created until one"
                                     + " is written", example = "Where an order is and when it will arrive") String description) {
    }

    public record TicketView(@Schema(description = "The ticket's id (the before cursor of the next page)") long id,
                             @Schema(description = "What the customer wrote") String text,
                             @Schema(description = "Its intent's name; null while it has none") String label,
                             @Schema(description = "The agent's actual reply, when the import gave one; else null") String response,
                             @Schema(description = "train, or test for a ticket kept aside for measuring") String split,
                             @Schema(description = "Where it came from, such as import, demo, traffic, review or drift") String source,
                             @Schema(description = "When it was stored") OffsetDateTime createdAt) {
    }

    @Schema(name = "LibraryReply")
    public record ReplyView(@Schema(description = "The reply's id (response.id in /api/v1/respond)") long id,
                            @Schema(description = "The intent it answers", example = "track_order") String intent,
                            @Schema(description = "Its text, slots written as {{name}}") String text,
                            @Schema(description = "active: in the library and served") String status) {
    }

    @Operation(summary = "List intents", description = "The workspace's intents with their descriptions.")
    @GET
    @Path("/intents")
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    public List<IntentView> intents() {
        return Intent.listByName().stream().map(i -> new IntentView(i.id, i.name, i.description)).toList();
    }

    /**
     * Tickets, newest first, {@code size} a page. The next page is {@code ?before=<last id>} (the Link header names it):
     * its cost stays flat however deep it is. {@code page} (a page number) still works but costs as much as every page
     * before it.
     */
    @Operation(summary = "List tickets", description = "Newest first, a page at a time (next page in the Link header).")
    @GET
    @Path("/tickets")
    @RolesAllowed(Role.ADMIN)
    public RestResponse<List<TicketView>> tickets(
            @Parameter(description = "Page number from 0; prefer before") @QueryParam("page") String page,
            @Parameter(description = "Tickets a page, at most 500 (default 50)") @QueryParam("size") String size,
            @Parameter(description = "A ticket id: list the tickets older than it (the next page)") @QueryParam("before") String before,
            @Context UriInfo uri) {
        Paging.Request request = Paging.read("size", size, 50, MAX_PAGE, "page", page, true, before);
        List<Ticket> fetched = request.pastTheEnd() ? List.of()
                : Ticket.newestFirst(request.before(), request.offset(), request.fetch(), false);
        return Paging.respond(fetched, request, t -> t.id, t -> new TicketView(t.id, t.text, t.intent == null ? null : t.intent.name,
                t.response, t.split, t.source, t.createdAt), uri, "page");
    }

    static final int MAX_PAGE = 500;

    @Operation(summary = "List library replies", description = "The active reply library.")
    @GET
    @Path("/replies")
    @RolesAllowed(Role.ADMIN)
    public List<ReplyView> replies() {
        return Reply.listActive().stream().map(r -> new ReplyView(r.id, r.intent.name, r.text, r.status)).toList();
    }
}
