package dev.loopwise.model.registry;

import dev.loopwise.common.ApiException;
import dev.loopwise.security.CurrentUser;
import dev.loopwise.security.Role;
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
import java.util.List;
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
    CurrentUser currentUser;
    @Inject
    TrainingConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance models(List<ModelVersion> versions, List<TrainingRun> runs, List<ModelActivation> activations,
                                              Long watch, String error, int minFineTuneExamples, boolean autoFineTune,
                                              String nextStep, boolean training);

        static native TemplateInstance version(ModelVersion version, String nextStep);
    }

    @GET
    public TemplateInstance list(@QueryParam("run") Long watch) {
        return page(watch, null);
    }

    @GET
    @Path("/{version}")
    public TemplateInstance version(@PathParam("version") int version) {
        ModelVersion shown = ModelVersion.findByVersion(version)
                .orElseThrow(() -> ApiException.notFound("No model version " + version + "."));
        return Templates.version(shown, ModelsNextStep.forVersion(shown, ModelVersion.findActive().orElse(null)));
    }

    @POST
    @Path("/train")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response train(@RestForm String regime) {
        TrainingRun run;
        try {
            run = training.start(regime, currentUser.name());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_regime", e.getMessage() + ".");
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
                .orElseThrow(() -> ApiException.notFound("No training run " + id + ".")));
    }

    @POST
    @Path("/{version}/promote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response promote(@PathParam("version") int version) {
        return change(() -> models.promote(version, currentUser.name()));
    }

    @POST
    @Path("/{version}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollback(@PathParam("version") int version) {
        return change(() -> models.rollback(version, currentUser.name()));
    }

    private Response change(Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/admin/models")).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(page(null, e.getMessage())).build();
        }
    }

    private TemplateInstance page(Long watch, String error) {
        List<ModelVersion> versions = ModelVersion.newestFirst();
        List<TrainingRun> runs = TrainingRun.recent(5);
        return Templates.models(versions, runs, ModelActivation.recent(10), watch, error, config.minFineTuneExamples(),
                config.autoFineTune(), ModelsNextStep.of(versions, runs), runs.stream().anyMatch(r -> !r.finished()));
    }
}
