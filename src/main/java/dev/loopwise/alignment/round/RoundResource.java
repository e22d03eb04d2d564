package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.RoundMessages;
import dev.loopwise.common.http.Paging;
import dev.loopwise.common.job.StatusWords;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Alignment rounds: start one, follow it, read its report. Roles: admin. */
@Path("/api/v1/rounds")
@Tag(name = "Alignment")
@RolesAllowed(Role.ADMIN)
public class RoundResource {
    @Inject
    RoundService rounds;
    @Inject
    AlignmentConfig config;
    @Inject
    CurrentUser currentUser;

    /** Optional overrides of the configured defaults ({@code replaySample}: older judgements replayed beside the new ones). */
    @Schema(description = "An alignment round's settings; every field is optional and defaults to the configured LOOPWISE_ALIGNMENT_* value,"
            + " so {} starts a round with the defaults")
    public record RoundRequest(
            @Schema(description = "Optional: reward_weighted (preference-weighted policy update, the default) or dpo",
                    enumeration = {"reward_weighted", "dpo"}, example = "reward_weighted") String method,
            @Schema(minimum = "0.01", maximum = "100", description = "Optional: KL strength, from 0.01 to 100 (default 0.5); smaller follows the reward model more, larger stays nearer"
                    + " the active version", example = "0.5") Double beta,
            @Schema(description = "Optional: seed of every random choice in the round (held-out split, sampling, training; default 42), so the same"
                    + " data gives the same round", example = "42") Long seed,
            @Schema(minimum = "1", maximum = "10000", description = "Optional: passes over the judgements when training the vector reward model, 1 to 10,000 (default 30)",
                    example = "30") Integer rewardEpochs,
            @Schema(description = "Optional: auto (the cross-encoder from 200 judgements on, kept where clearly more accurate; the default), vector"
                    + " or cross", enumeration = {"auto", "vector", "cross"}, example = "auto") String rewardModel,
            @Schema(minimum = "1", maximum = "10000", description = "Optional: epochs of the policy update, 1 to 10,000 (default 8)", example = "8") Integer policyEpochs,
            @Schema(minimum = "0", maximum = "200000", description = "Optional: older judgements replayed beside the new ones, 0 to 200,000 (default 5,000)", example = "5000")
            Integer replaySample) {
    }

    /**
     * {@code statusText}: the status in words ({@code superseded}: the active version changed while the round ran).
     * {@code judgements}: all it read, {@code newJudgements} since its base version's round and {@code replayedJudgements}
     * older ones sampled beside them.
     */
    public record RoundView(@Schema(description = "The round's id") long roundId,
                            @Schema(description = "reward_weighted or dpo") String method,
                            @Schema(description = "queued, running, promoted, rejected, needs_evidence, superseded, failed or cancelled") String status,
                            @Schema(description = "The status in words") String statusText,
                            @Schema(description = "Share done, from 0 to 1") double progress,
                            @Schema(description = "The step running now, or the last one, in words") String step,
                            @Schema(description = "The settings the round ran with, the request's and the configured defaults") Map<String, Object> settings,
                            @Schema(description = "What the round measured, by name (reward/accuracy, reward/model, reward/train_pairs, ...);"
                                    + " eval/reply_intent_per_intent lists, per intent, its held-out labelled tickets and those the candidate's and"
                                    + " the active version's first reply fits")
                            Map<String, Object> metrics,
                            @Schema(description = "The promotion gates with their verdicts; empty until the round measured them") List<RoundResult.Gate> gates,
                            @Schema(description = "The active version the round started from") Integer baseVersion,
                            @Schema(description = "The version the round made; null until it made one") Integer candidateVersion,
                            @Schema(description = "True when the candidate became the active version") boolean promoted,
                            @Schema(description = "Why the round ended as it did, in words; null while it runs") String reason,
                            @Schema(description = "All the judgements it read: newJudgements plus replayedJudgements") int judgements,
                            @Schema(description = "Judgements made since its base version's round") int newJudgements,
                            @Schema(description = "Older judgements sampled and replayed beside the new ones") int replayedJudgements,
                            @Schema(description = "The round's log lines, oldest first") List<String> log,
                            @Schema(description = "When it was asked for") OffsetDateTime createdAt,
                            @Schema(description = "When it ended; null while queued or running") OffsetDateTime finishedAt,
                            @Schema(description = "While running but not heard from for 20 s (two missed heartbeats: its instance died or"
                                    + " lost the database): since when, and about when it will be marked failed; null otherwise")
                            String silence) {
        static RoundView of(AlignmentRound r) {
            return new RoundView(r.id, r.method, r.status, StatusWords.words(r.status), r.progress, r.step, r.settings, r.metrics, r.gates, r.baseVersion,
                    r.candidateVersion, r.promoted, r.reason, r.judgements(), r.newJudgements, r.replayedJudgements, r.log, r.createdAt,
                    r.finishedAt, RoundSilence.saidOf(r));
        }
    }

    @Operation(summary = "Start an alignment round",
            description = "Trains a reward model on reviewers' judgements and a candidate policy from it; the candidate is promoted only if its gates pass.")
    @APIResponse(responseCode = "202", description = "The round is queued; follow it at the Location, /api/v1/rounds/{roundId}",
            headers = @Header(name = "Location", description = "The round's address, /api/v1/rounds/{roundId}; the same request again while"
                    + " that round waits, or within a few seconds of its start, names it too", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundStarted.class)))
    @APIResponse(responseCode = "400", description = "A setting is out of range or not one a round takes. Code: invalid_round")
    @APIResponse(responseCode = "409", description = "Nothing or too little to learn from, no active version, or an active version without a reply"
            + " policy to improve: the message says what to do. Codes: no_judgements, too_few_judgements, no_active_model, no_policy")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(RoundRequest request) {
        AlignmentRound round = rounds.start(RoundRequests.settings(config, request), currentUser.name());
        return Response.accepted(new RoundStarted(round.id)).location(RoundStarted.address(round.id)).build();
    }

    /** Stops a round: a queued one at once, a running one at its next step; 409 when it has already ended. */
    @Operation(summary = "Cancel an alignment round",
            description = "Stops a queued round at once and a running one at its next step; the active version keeps serving.")
    @APIResponse(responseCode = "200", description = "The round, cancelled")
    @APIResponse(responseCode = "409", description = "The round has already ended. Code: round_finished")
    @POST
    @Path("/{id}/cancel")
    public RoundView cancel(@PathParam("id") long id) {
        AlignmentRound.<AlignmentRound>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RoundMessages.noRound(id, false)));
        if (!rounds.cancel(id, currentUser.name())) {
            throw ApiException.conflict("round_finished", "Alignment round " + id + " has already ended; there is nothing to cancel.");
        }
        return RoundView.of(QuarkusTransaction.requiringNew().call(() -> AlignmentRound.<AlignmentRound>findById(id)));
    }

    /** The newest rounds first, a page at a time: each carries its log, so a long history is read in pages. */
    @Operation(summary = "List alignment rounds",
            description = "Newest first, a page at a time, with status, gates, metrics and the judgements each read.")
    @GET
    public RestResponse<List<RoundView>> list(
            @Parameter(description = "Rounds a page, at most 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Rows to skip; prefer before, which stays right while rows are added") @QueryParam("offset") String offset,
            @Parameter(description = "A roundId: list the rounds older than it (the next page)") @QueryParam("before") String before,
            @Context UriInfo uri) {
        Paging.Request request = Paging.read("limit", limit, 50, 200, "offset", offset, false, before);
        List<AlignmentRound> fetched = request.pastTheEnd() ? List.of() : (request.before() == null
                ? AlignmentRound.<AlignmentRound>find("order by id desc")
                : AlignmentRound.<AlignmentRound>find("id < ?1 order by id desc", request.before()))
                .range((int) request.offset(), (int) request.offset() + request.fetch() - 1).list();
        return Paging.respond(fetched, request, r -> r.id, RoundView::of, uri, "offset");
    }

    @Operation(summary = "Get one alignment round",
            description = "Status, progress, gates with their verdicts and the evidence still needed, metrics and log.")
    @GET
    @Path("/{id}")
    public RoundView get(@PathParam("id") long id) {
        return RoundView.of(AlignmentRound.<AlignmentRound>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound(RoundMessages.noRound(id, false))));
    }
}
