package dev.loopwise.model.registry;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.common.PagingMessages;
import dev.loopwise.common.UndecidedRoundStep;
import dev.loopwise.common.db.RowCounts;
import dev.loopwise.common.http.Paging;
import dev.loopwise.model.registry.training.TrainingConfig;
import dev.loopwise.model.registry.training.RunSilence;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.training.TrainingService;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelService;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Role;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.account.CurrentUser;
import dev.loopwise.ticket.Reply;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/** Model versions in the browser: train one (with a progress bar), read its metrics, promote, roll back. Roles: admin. */
@Path("/admin/models")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ModelsPage {
    @Inject
    TrainingService training;
    @Inject
    ModelService models;
    @Inject
    UndecidedRoundStep roundStep;
    @Inject
    CurrentUser currentUser;
    @Inject
    SessionStamps stamps;
    @Inject
    TrainingConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance models(VersionList versions, List<TrainingRun> runs, List<ModelActivation> activations,
                                              Long watch, String error, int minFineTuneExamples, boolean autoFineTune,
                                              String nextStep, boolean training, RegimeChoice regime, String activationsShown,
                                              String silence, String switched);

        static native TemplateInstance version(ModelVersion version, String nextStep, String promoteQuestion, String buttonClass,
                                               String expectedActive);
    }

    /**
     * One page of the version list, newest first, numbered below {@code before} (null: from the newest), with the active
     * version added when it is older than the page, so that the version answering customers is always in sight. Pages
     * follow the version number rather than a page number, so a page far back costs no more than the first.
     * {@code olderThan}: the next page's cursor, null on the last page; {@code active}: the version answering customers, read once
     * for every row (null when none).
     */
    public record VersionList(List<ModelVersion> shown, long total, Long before, Integer olderThan, ModelVersion active) {
        static final int PAGE = 30;

        static VersionList from(Long cursor) {
            // A cursor above every version shows the newest page, as the newest: a link to it would lead back to this page.
            Long before = cursor != null && ModelVersion.anyFrom(cursor) ? cursor : null;
            List<ModelVersion> fetched = ModelVersion.newestFirst(before, 0, PAGE + 1);
            List<ModelVersion> page = new ArrayList<>(fetched.subList(0, Math.min(PAGE, fetched.size())));
            Integer older = fetched.size() > PAGE ? page.get(PAGE - 1).version : null;
            ModelVersion active = ModelVersion.findActive().orElse(null);
            if (active != null && page.stream().noneMatch(v -> v.version == active.version)) {
                page.add(active);
            }
            page.sort(Comparator.comparingInt((ModelVersion v) -> v.version).reversed());
            return new VersionList(page, RowCounts.total(RowCounts.MODEL_VERSIONS), before, older, active);
        }

        /**
         * The active version as the page shows it, sent back with Promote and Roll back: the switch happens only if it is
         * still the active one, so a page left open does not undo a switch made since. Read once for the page, not per row.
         */
        public String activeAsShown() {
            return active == null ? "" : String.valueOf(active.version);
        }

        public boolean hasOlder() {
            return olderThan != null;
        }

        public boolean anyWeightsRemoved() {
            return shown.stream().anyMatch(v -> v.weightsRemovedAt != null);
        }

        public boolean hasNewer() {
            return before != null;
        }

        public int pageSize() {
            return PAGE;
        }
    }

    @GET
    public TemplateInstance list(@QueryParam("run") Long watch, @QueryParam("before") String before,
                                 @QueryParam("switched") String switched, @QueryParam("seal") String seal) {
        return page(watch, null, Paging.before("before", before), Switched.notice(switched, seal, currentUser.name(), stamps));
    }

    @GET
    @Path("/{version}")
    public TemplateInstance version(@PathParam("version") int version) {
        ModelVersion shown = ModelVersion.findByVersion(version)
                .orElseThrow(() -> ApiException.notFound(LifecycleMessages.noVersion(version)));
        ModelVersion active = ModelVersion.findActive().orElse(null);
        ModelVersion against = active == null || active.version == shown.version ? null : active;
        // Weighed once for the page: its words, its question, its button's colour and the active version its buttons send back.
        ComparisonAdvice advice = against == null ? null : VersionComparison.advise(shown, against);
        return Templates.version(shown, ModelsNextStep.forVersion(shown, active, advice), PromoteButtons.question(shown, against, advice),
                PromoteButtons.buttonClass(shown, against, advice), active == null ? "" : String.valueOf(active.version));
    }

    @POST
    @Path("/train")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response train(@RestForm String regime) {
        TrainingRun run;
        try {
            run = training.start(regime, currentUser.name());
        } catch (IllegalArgumentException e) {
            // Said on the page with its form, as every refusal here is: the bare error page would lose the page around it.
            return Response.status(Response.Status.BAD_REQUEST).entity(page(null, LifecycleMessages.unknownTrainingChoice(regime), null)).build();
        } catch (ApiException e) {
            // A training already under way (opened in another tab) or missing tickets: said on the page, not as a bare error.
            return Response.status(e.status).entity(page(null, e.getMessage(), null)).build();
        }
        return Response.seeOther(URI.create("/admin/models?run=" + run.id)).build();
    }

    /** Stops a queued or running training; the version serving now keeps serving. */
    @POST
    @Path("/runs/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id) {
        TrainingRun.<TrainingRun>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("No training run " + id + "."));
        training.cancel(id, currentUser.name());
        return Response.seeOther(URI.create("/admin/models?run=" + id)).build();
    }

    /** The progress bar polls this. */
    @GET
    @Path("/runs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ModelResource.RunView run(@PathParam("id") long id) {
        return ModelResource.RunView.of(TrainingRun.<TrainingRun>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No training run " + id + ".")), config.heartbeatStaleness());
    }

    @POST
    @Path("/{version}/promote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response promote(@PathParam("version") int version, @RestForm String expectedActive) {
        return change(() -> models.promote(version, currentUser.name(), ExpectedActive.parse(expectedActive)));
    }

    @POST
    @Path("/{version}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollback(@PathParam("version") int version, @RestForm String expectedActive) {
        return change(() -> models.rollback(version, currentUser.name(), ExpectedActive.parse(expectedActive)));
    }

    /** Then the list, saying what changed (after a rollback its advice may still be about the newer version). */
    private Response change(Supplier<ModelVersion> action) {
        try {
            ModelVersion switched = action.get();
            return Response.seeOther(URI.create(Switched.address(switched.version, currentUser.name(), stamps))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(page(null, e.getMessage(), null)).build();
        }
    }

    /** Changes of the active version listed, the newest first; the rest are counted, not read. */
    static final int ACTIVATIONS_LISTED = 10;

    private TemplateInstance page(Long watch, String error, Long before) {
        return page(watch, error, before, null);
    }

    private TemplateInstance page(Long watch, String error, Long before, String switched) {
        VersionList versions = VersionList.from(before);
        List<ModelVersion> newest = before == null ? versions.shown() : VersionList.from(null).shown();
        List<TrainingRun> runs = followedFirst(TrainingRun.recent(5));
        List<ModelActivation> activations = ModelActivation.recent(ACTIVATIONS_LISTED);
        return Templates.models(versions, runs, activations, watch, error, config.minFineTuneExamples(),
                config.autoFineTune(), ModelsNextStep.of(newest, runs, NewIntentAdvice.labelledByName(),
                Reply.count("status", Reply.ACTIVE), roundStep.sentence().orElse(null), NewIntentAdvice.intentsWithoutReply()), runs.stream().anyMatch(r -> !r.finished()),
                RegimeChoice.of(runs), PagingMessages.newestShown(activations.size(),
                        RowCounts.total(RowCounts.MODEL_ACTIVATIONS), "changes", null),
                runs.isEmpty() ? null : RunSilence.of(runs.get(0), config.heartbeatStaleness()), switched);
    }

    /**
     * The runs with the one the page follows first (its box, and the first training's row, show the first): the run in
     * progress, which is the oldest unfinished one — a run queued behind it with another regime is newer but waits, and
     * followed instead it would show 0% and never reload the page when the running one ends. Without one, the newest.
     */
    static List<TrainingRun> followedFirst(List<TrainingRun> newestFirst) {
        TrainingRun inProgress = null;
        for (TrainingRun run : newestFirst) {
            if (!run.finished()) {
                inProgress = run;
            }
        }
        if (inProgress == null) {
            return newestFirst;
        }
        List<TrainingRun> ordered = new ArrayList<>(List.of(inProgress));
        for (TrainingRun run : newestFirst) {
            if (run != inProgress) {
                ordered.add(run);
            }
        }
        return ordered;
    }
}
