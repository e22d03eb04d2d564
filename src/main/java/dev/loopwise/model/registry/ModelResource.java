package dev.loopwise.model.registry;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.http.Paging;
import dev.loopwise.common.job.StatusWords;
import dev.loopwise.model.intent.IntentRegime;
import dev.loopwise.model.registry.training.RunSilence;
import dev.loopwise.model.registry.training.TrainingConfig;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.training.TrainingService;
import dev.loopwise.model.registry.version.ModelService;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
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
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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

/** Model versions: list, train, promote, roll back. Roles: admin. */
@Path("/api/v1")
@Tag(name = "Models")
@RolesAllowed(Role.ADMIN)
public class ModelResource {
    private static final String RUNS = "/api/v1/training-runs/";

    @Inject
    ModelService models;
    @Inject
    TrainingService training;
    @Inject
    CurrentUser currentUser;
    @Inject
    TrainingConfig config;

    public record VersionView(@Schema(description = "The version number (loopwise-vN under /v1)", example = "3") int version,
                              @Schema(description = "candidate, active (the one answering), retired or rejected") String status,
                              @Schema(description = "How its intent classifier was trained: zero-shot, prototypes, linear or finetune") String regime,
                              @Schema(description = "The pre-trained encoder it reads tickets with") String encoder,
                              @Schema(description = "Checksum of its stored weights") String checksum,
                              @Schema(description = "Metrics measured on tickets kept aside for measuring (accuracy, macro-F1, out-of-scope recall,"
                                      + " ...), by name; intent/per_intent lists each intent's kept-aside tickets and those answered right,"
                                      + " with likelyLow and likelyHigh, the range that share lies in 9 times in 10 (null under 20 tickets)")
                              Map<String, Object> metrics,
                              @Schema(description = "When it was made") OffsetDateTime createdAt,
                              @Schema(description = "When it last became the active version; null if it never served") OffsetDateTime activatedAt,
                              @Schema(description = "Who made it: the username that trained it, or the round (round N) that did") String createdBy,
                              @Schema(description = "When retention removed its weights (it can no longer be promoted); null while kept")
                              OffsetDateTime weightsRemovedAt) {
        /** Regimes under the names a training is asked for, in the field and in the {@code intent/regime} metric alike. */
        static VersionView of(ModelVersion v) {
            Map<String, Object> metrics = v.metrics;
            if (metrics != null && (metrics.get(REGIME_METRIC) instanceof String || metrics.get(IntentFigures.METRIC) instanceof List<?>)) {
                // A copy: the entity's own map would be written back to the row.
                metrics = new LinkedHashMap<>(metrics);
                if (metrics.get(REGIME_METRIC) instanceof String stored) {
                    metrics.put(REGIME_METRIC, IntentRegime.named(stored));
                }
                if (metrics.get(IntentFigures.METRIC) instanceof List<?> perIntent) {
                    metrics.put(IntentFigures.METRIC, IntentFigures.withRanges(perIntent));
                }
            }
            return new VersionView(v.version, v.status, IntentRegime.named(v.regime), v.encoderId, v.checksum, metrics, v.createdAt,
                    v.activatedAt, v.createdBy, v.weightsRemovedAt);
        }

        static final String REGIME_METRIC = "intent/regime";
    }

    @Schema(description = "Which kind of intent classifier to train; {} trains with auto")
    public record TrainRequest(@Schema(description = "Optional: auto (the default: picks by how many labelled tickets each intent has), zero-shot, prototypes, linear or"
            + " finetune (tunes the encoder too; every intent needs at least 2 tickets)",
            enumeration = {"auto", "zero-shot", "prototypes", "linear", "finetune"}, example = "auto") String regime) {
    }

    public record RunView(@Schema(description = "The training run's id") long runId,
                          @Schema(description = "queued, running, succeeded, failed or cancelled") String status,
                          @Schema(description = "The status in words") String statusText,
                          @Schema(description = "Share done, from 0 to 1") double progress,
                          @Schema(description = "The step running now, or the last one, in words") String step,
                          @Schema(description = "The version it made; null until it succeeded") Integer version,
                          @Schema(description = "Why it failed; null otherwise") String error,
                          @Schema(description = "When it was asked for") OffsetDateTime createdAt,
                          @Schema(description = "When it ended; null while queued or running") OffsetDateTime finishedAt,
                          @Schema(description = "While it runs, a sentence once the instance running it has stopped sending"
                                  + " heartbeats (when it will be marked failed); null otherwise") String silence,
                          @Schema(description = "Whether a cancel was asked for: a running run stops at its next step") boolean cancelRequested) {
        static RunView of(TrainingRun run, Duration staleness) {
            return new RunView(run.id, run.status, StatusWords.words(run.status), run.progress, run.step,
                    run.version == null ? null : run.version.version,
                    run.error, run.createdAt, run.finishedAt, RunSilence.of(run, staleness), run.cancelRequested);
        }
    }

    @Operation(summary = "List model versions",
            description = "Newest first, a page at a time, with each version's status, regime, checksum and the metrics measured on tickets kept aside for measuring.")
    @GET
    @Path("/models")
    public RestResponse<List<VersionView>> list(
            @Parameter(description = "Versions a page, at most 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Rows to skip; prefer before, which stays right while rows are added") @QueryParam("offset") String offset,
            @Parameter(description = "A version number: list the versions older than it (the next page)") @QueryParam("before") String before,
            @Context UriInfo uri) {
        // The cursor is the version number: it orders the list, and a client reads it in every row.
        Paging.Request request = Paging.read("limit", limit, DEFAULT_PAGE, MAX_PAGE, "offset", offset, false, before);
        List<ModelVersion> fetched = request.pastTheEnd() ? List.of()
                : ModelVersion.newestFirst(request.before(), request.offset(), request.fetch());
        return Paging.respond(fetched, request, v -> v.version, VersionView::of, uri, "offset");
    }

    /** Each version carries its lineage (the ids of the tickets it learned from), so a page holds few of them. */
    static final int MAX_PAGE = 200;
    static final int DEFAULT_PAGE = 50;
    private static final String EXPECTED_ACTIVE_DOC = "The version you decided on as active: if another serves by now, 409 active_changed"
            + " instead of undoing that switch";

    @Operation(summary = "Get one model version", description = "Its status, regime, encoder, checksum and held-out metrics.")
    @GET
    @Path("/models/{version}")
    public VersionView get(@PathParam("version") int version) {
        return ModelVersion.findByVersion(version).map(VersionView::of)
                .orElseThrow(() -> ApiException.notFound(Messages.notFound("model version", version)));
    }

    /** Starts training a new version from the workspace; 202 with the run to follow. */
    @Operation(summary = "Train a new model version",
            description = "Queues a training on the workspace's labelled tickets; regime auto (the default), zero-shot, prototypes, linear or finetune.")
    @APIResponse(responseCode = "409",
            description = "Nothing to learn yet (no intents), an intent with fewer than 2 tickets for finetune, or another training waiting or running."
                    + " Codes: no_intents, intents_without_tickets, training_running")
    @APIResponse(responseCode = "202", description = "The training is queued; follow it at the Location, /api/v1/training-runs/{runId}",
            headers = @Header(name = "Location", description = "The run's address, /api/v1/training-runs/{runId}; the same request again while"
                    + " that run waits, or within a few seconds of its start, names it too", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingStarted.class)))
    @APIResponse(responseCode = "400", description = "The regime or a setting is not one the training takes. Code: invalid_regime")
    @POST
    @Path("/models/train")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response train(TrainRequest request) {
        String regime = request == null || request.regime() == null ? IntentRegime.AUTO : request.regime();
        try {
            TrainingRun run = training.start(regime, currentUser.name());
            return Response.accepted(new TrainingStarted(run.id)).location(URI.create(RUNS + run.id)).build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_regime", e.getMessage() + ".");
        }
    }

    @Operation(summary = "Follow a training run",
            description = "Status, progress, current step and, once it succeeded, the version it made.")
    @GET
    @Path("/training-runs/{id}")
    public RunView run(@PathParam("id") long id) {
        TrainingRun run = TrainingRun.<TrainingRun>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound(Messages.notFound("training run", id)));
        return RunView.of(run, config.heartbeatStaleness());
    }

    /** Asks a queued or running training to stop; 409 when it has already ended. No version is made. */
    @Operation(summary = "Cancel a training run",
            description = "Stops a queued or running training at its next step; no version is made and the active one keeps serving.")
    @APIResponse(responseCode = "200", description = "The run, cancelled")
    @APIResponse(responseCode = "409", description = "The run has already ended. Code: run_finished")
    @POST
    @Path("/training-runs/{id}/cancel")
    public RunView cancel(@PathParam("id") long id) {
        TrainingRun.<TrainingRun>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(Messages.notFound("training run", id)));
        if (!training.cancel(id, currentUser.name())) {
            throw ApiException.conflict("run_finished", "Training run " + id + " has already ended; there is nothing to cancel.");
        }
        // The cancel committed in its own transaction; this request's persistence context still holds the run as it was.
        return RunView.of(QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(id)), config.heartbeatStaleness());
    }

    @Operation(summary = "Make a version the active one",
            description = "Pass expectedActive, the version you decided on, so that a switch made meanwhile by someone else is not undone.")
    @APIResponse(responseCode = "200", description = "The version, now active")
    @APIResponse(responseCode = "409",
            description = "The version already serves, the active version changed meanwhile, its weights were removed by retention, or they"
                    + " cannot be loaded. Codes: already_active, active_changed, weights_removed, encoder_unavailable")
    @POST
    @Path("/models/{version}/promote")
    public VersionView promote(@PathParam("version") int version,
            @Parameter(description = EXPECTED_ACTIVE_DOC) @QueryParam("expectedActive")
            @Min(value = 1, message = Messages.EXPECTED_ACTIVE) Integer expectedActive) {
        return VersionView.of(models.promote(version, currentUser.name(), expectedActive));
    }

    @Operation(summary = "Return to a version that served before",
            description = "As promote, for a version that served before (expectedActive likewise).")
    @APIResponse(responseCode = "200", description = "The version, active again")
    @APIResponse(responseCode = "409",
            description = "The active version changed meanwhile, the version never served (promote it instead), its weights were removed by"
                    + " retention, or they cannot be loaded. Codes: active_changed, never_served, weights_removed, encoder_unavailable")
    @POST
    @Path("/models/{version}/rollback")
    public VersionView rollback(@PathParam("version") int version,
            @Parameter(description = EXPECTED_ACTIVE_DOC) @QueryParam("expectedActive")
            @Min(value = 1, message = Messages.EXPECTED_ACTIVE) Integer expectedActive) {
        return VersionView.of(models.rollback(version, currentUser.name(), expectedActive));
    }
}
