package dev.loopwise.monitoring;

import dev.loopwise.alignment.round.RoundStarted;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.common.http.ErrorResponsesOpenApi;
import dev.loopwise.common.http.FormValues;
import dev.loopwise.common.http.QueryParameters;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.monitoring.drift.DriftActions;
import dev.loopwise.monitoring.drift.DriftOverview;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.monitoring.drift.MonitoringService;
import dev.loopwise.monitoring.replay.BackgroundReplays;
import dev.loopwise.monitoring.replay.ReplayService;
import dev.loopwise.monitoring.replay.ReplayTickets;
import dev.loopwise.monitoring.replay.ReplayView;
import dev.loopwise.security.account.CurrentUser;
import dev.loopwise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import dev.loopwise.ticket.TicketFile;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Drift of the active version: the latest signals, their history, alerts and actions; a check on demand; a replay of a
 * ticket file. Roles: admin.
 */
@Path("/api/v1/drift")
@Tag(name = "Monitoring")
@RolesAllowed(Role.ADMIN)
public class DriftResource {
    @Inject
    DriftOverview overview;
    @Inject
    MonitoringService monitoring;
    @Inject
    DriftActions actions;
    @Inject
    CurrentUser currentUser;
    @Inject
    ReplayTickets tickets;
    @Inject
    ReplayService replay;
    @Inject
    BackgroundReplays background;
    @Inject
    MonitoringConfig config;

    @Operation(summary = "Drift overview",
            description = "The latest check's signals and alerts, the thresholds, the series behind the charts and the actions drift proposed.")
    @GET
    public DriftOverview.Overview drift() {
        return overview.read();
    }

    /**
     * Checks now: with {@code force=true} whenever a window's worth of traffic exists (409 otherwise),
     * else only when enough new requests arrived since the last check (204 when not).
     */
    @Operation(summary = "Run a drift check now",
            description = "force=false checks only if enough new traffic arrived (204 otherwise).")
    @APIResponse(responseCode = "200", description = "The check's report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DriftChecked.class)))
    @APIResponse(responseCode = "204", description = "force=false and not enough new traffic since the last check")
    @APIResponse(responseCode = "409", description = "Not a window's worth of the active version's traffic yet, or another check is running."
            + " Codes: not_enough_traffic, check_running")
    @POST
    @Path("/check")
    public Response check(
            @Parameter(description = "true (the default) checks now; false only if enough new traffic arrived") @QueryParam("force") String force,
            @Context UriInfo uri) {
        return monitoring.check(FormValues.apiBool("force", QueryParameters.asSent(uri, "force", force), true)).map(c -> Response.ok(DriftChecked.of(c, null)).build())
                .orElse(Response.noContent().build());
    }

    /**
     * Replays a ticket file (the body, CSV or JSONL, as for the ticket import) through the answering pipeline as the
     * dashboard does: held to {@code /respond}'s rules first, answered by the library policy alone even with an LLM
     * connected, a drift check after every {@code stride} tickets. Up to {@code LOOPWISE_MONITORING_REPLAY_IN_REQUEST}
     * tickets while the request waits ({@code 200} with each check and how many tickets came before it); more in the
     * background ({@code 202}, followed at {@code /api/v1/drift/replays/{id}}, checked at the configured stride).
     */
    @Operation(summary = "Replay a ticket file through serving",
            description = "Each ticket is answered as /respond would, with a drift check every stride tickets; a long file runs in the background.")
    @APIResponse(responseCode = "200", description = "A short file, replayed while the request waited: the requests sent and the checks made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayAnswered.class)))
    @APIResponse(responseCode = "202", description = "A long file, replayed in the background: follow it at the Location",
            headers = @Header(name = "Location", description = "The replay's address, /api/v1/drift/replays/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "409", description = "No version is active, so no ticket can be answered; nothing was sent. Code: no_active_model")
    @APIResponse(responseCode = "400", description = ErrorResponsesOpenApi.BAD_INPUT + ", invalid_file (an empty file, rows without a text,"
            + " too many tickets, or tickets /respond would refuse, named in the message), not_utf8, binary_file, compressed_file")
    @POST
    @Path("/replay")
    @Consumes({"text/csv", "application/x-ndjson", "application/jsonl", "application/json-lines", MediaType.TEXT_PLAIN})
    public Response replay(byte[] bytes,
            @Parameter(description = "Tickets between two drift checks (default: the monitoring stride setting)") @QueryParam("stride") String strideParameter,
            @Context HttpHeaders headers) throws IOException {
        // Read here rather than by the framework, so that "abc" gets the same sentence as 0 does; "01" or " 5" is refused as
        // every other count in an address is, not read as 1 or 5.
        Integer stride = strideParameter == null ? null : strideParameter.matches("[1-9][0-9]{0,8}")
                ? Integer.valueOf(strideParameter) : -1;
        if (stride != null && (stride < 1 || stride > ReplayService.MAX_TEXTS)) {
            throw ApiException.badRequest("validation_failed",
                    DriftMessages.replayStride(ReplayService.MAX_TEXTS, PlainText.quoted(strideParameter)));
        }
        String body = bytes == null ? null : TextFiles.utf8(bytes, null);
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("invalid_file", DriftMessages.REPLAY_BODY_EMPTY);
        }
        tickets.requireActiveModel();
        String type = headers.getMediaType() == null ? "" : headers.getMediaType().getSubtype();
        List<String> texts = tickets.checked(body, type.equals("csv") ? TicketFile.Format.CSV
                : type.contains("json") ? TicketFile.Format.JSONL : TicketFile.guess(null, body));
        if (texts.size() > config.replayInRequest()) {
            ReplayView queued = background.queue(texts, "a file sent to the API", currentUser.name());
            return Response.accepted(queued).location(URI.create("/api/v1/drift/replays/" + queued.id())).build();
        }
        List<DriftChecked> checks = new ArrayList<>();
        ReplayService.Replayed done = replay.replay(texts, "a file sent to the API", currentUser.name(),
                stride == null ? config.stride() : stride, so -> {
            if (so.checks().size() > checks.size()) {
                checks.add(DriftChecked.of(so.checks().get(so.checks().size() - 1), so.requests()));
            }
        });
        return Response.ok(new ReplayAnswered(done.requests(), done.failed(), done.firstError(), done.alerts(), checks)).build();
    }

    /** A background replay as it stands: {@code status}, {@code sent} of {@code total}, {@code checks}, {@code alerts}, {@code said}. */
    @Operation(summary = "Follow a background replay", description = "Tickets sent and failed, checks made and alerts raised.")
    @GET
    @Path("/replays/{id}")
    public ReplayView replayStatus(@PathParam("id") long id) {
        return background.view(id);
    }

    /** Approves a requested round: 200 with the round; 409 {@code already_decided} when it was approved or dismissed before. */
    @Operation(summary = "Approve a proposed round", description = "Queues the round drift proposed, in the same transaction.")
    @APIResponse(responseCode = "200", description = "The round is queued; follow it at the Location, /api/v1/rounds/{roundId}",
            headers = @Header(name = "Location", description = "The round's address, /api/v1/rounds/{roundId}: the one queued for this"
                    + " proposal, or the round already waiting that took it", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundStarted.class)))
    @APIResponse(responseCode = "409", description = "Already approved or dismissed, still waiting for the judgements it needs, or nothing to decide."
            + " Codes: already_decided, not_proposed_yet, nothing_to_decide")
    @POST
    @Path("/actions/{id}/approve")
    public Response approve(@PathParam("id") long id) {
        long round = actions.approve(id, currentUser.name());
        return Response.ok(new RoundStarted(round)).location(RoundStarted.address(round)).build();
    }

    /** Dismisses a requested round: 204; 409 {@code already_decided} when it was approved or dismissed before. */
    @Operation(summary = "Dismiss a proposed round", description = "No round is started for it.")
    @APIResponse(responseCode = "204", description = "The proposal is dismissed")
    @APIResponse(responseCode = "409", description = "Already approved or dismissed, still waiting for the judgements it needs, or nothing to decide."
            + " Codes: already_decided, not_proposed_yet, nothing_to_decide")
    @POST
    @Path("/actions/{id}/dismiss")
    public void dismiss(@PathParam("id") long id) {
        actions.dismiss(id, currentUser.name());
    }
}
