package dev.loopwise.monitoring;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.DriftMessages;
import dev.loopwise.monitoring.drift.DriftActions;
import dev.loopwise.monitoring.drift.DriftOverview;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.monitoring.drift.TypedTopic;
import dev.loopwise.monitoring.replay.BackgroundReplays;
import dev.loopwise.monitoring.replay.ReplayService;
import dev.loopwise.monitoring.replay.ReplayTickets;
import dev.loopwise.monitoring.replay.ReplayView;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import dev.loopwise.ticket.TopicLabelling;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The drift dashboard: signals over time with their thresholds, alerts with evidence, actions, replay. Roles: admin. */
@Path("/admin/drift")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class DriftPage {
    @Inject
    DriftOverview overview;
    @Inject
    ReplayService replay;
    @Inject
    ReplayTickets tickets;
    @Inject
    BackgroundReplays background;
    @Inject
    DriftActions actions;
    @Inject
    MonitoringConfig config;
    @Inject
    CurrentUser currentUser;
    @Inject
    TopicLabelling topics;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance drift(DriftOverview.Overview overview, DriftOverview.Shown shown, List<String> charted,
                                             List<ReplayView> replaying, List<ReplayView> replayed, String message, String error,
                                             boolean messageAtAlerts, TypedTopic typed);
    }

    @GET
    public TemplateInstance page(@RestQuery Integer replayed, @RestQuery Integer failed, @RestQuery Integer checks,
                                 @RestQuery Integer alerts) {
        // Counts from the address of the redirect; a hand-typed negative one says nothing that happened.
        boolean counts = replayed != null && replayed >= 0 && orZero(failed) >= 0 && orZero(checks) >= 0 && orZero(alerts) >= 0;
        String message = counts ? DriftMessages.replayed(replayed, orZero(failed), orZero(checks), orZero(alerts))
                + (orZero(checks) == 0 ? DriftMessages.replayRanNoCheck(config.window(), config.stride()) : "") : null;
        // A replay that raised alerts leads to them, and to what Loopwise proposes about them just below, past the charts.
        return drift(message, null, counts && orZero(alerts) > 0, null);
    }

    /** The page with why a form was refused, shown as an error rather than as the notice of something done. */
    private TemplateInstance refused(String error) {
        return drift(null, error, false, null);
    }

    private TemplateInstance drift(String message, String error, boolean messageAtAlerts, TypedTopic typed) {
        DriftOverview.Overview read = overview.read();
        // A refused new-topic form shows its refusal in its own open fold, where the typing is to be fixed, not at the top.
        String atTop = typed != null && typed.hasFold(read.alerts()) ? null : error;
        return Templates.drift(read, overview.shown(read), DriftOverview.signalsCharted(), background.open(), background.recentlyEnded(),
                message, atTop, messageAtAlerts, typed);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public DriftOverview.Overview data() {
        return overview.read();
    }

    /**
     * Replays the demo's traffic, the demo's shifted traffic, or an uploaded file through the answering pipeline: a short
     * one while the request waits, a longer one in the background, followed on this page with progress and cancel.
     */
    @POST
    @Path("/replay")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replay(@RestForm String source, @RestForm("file") FileUpload file) throws IOException {
        ReplayTickets.Chosen chosen;
        try {
            chosen = tickets.choose(source, file);
        } catch (ApiException refused) {
            // The lead stays on the page with the form, the message saying what to fix above it.
            return Response.status(refused.status).entity(refused(refused.getMessage())).build();
        }
        if (chosen.texts().size() > config.replayInRequest()) {
            background.queue(chosen.texts(), chosen.source(), currentUser.name());
            return Response.seeOther(URI.create("/admin/drift")).build();
        }
        ReplayService.Replayed done = replay.replay(chosen.texts(), chosen.source(), currentUser.name(), config.stride(), so -> { });
        // Post/redirect/get: reloading the result must not send the traffic again.
        return Response.seeOther(URI.create(ReplayView.outcomeAddress(done.requests(), done.failed(), done.checks().size(),
                done.alerts()))).build();
    }

    /** A background replay's progress, for the page's progress bar. */
    @GET
    @Path("/replays/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ReplayView replayStatus(@PathParam("id") long id) {
        return background.view(id);
    }

    @POST
    @Path("/replays/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelReplay(@PathParam("id") long id) {
        background.cancel(id, currentUser.name()); // a replay that ended meanwhile shows its outcome on the page
        return Response.seeOther(URI.create("/admin/drift")).build();
    }

    /** A new topic's example requests become a new intent's labelled tickets; then the admin writes its reply. */
    @POST
    @Path("/topics")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response labelTopic(@RestForm String name, @RestForm String description, @RestForm("example") List<String> examples,
                               @RestForm("shown") List<String> shown) {
        try {
            TopicLabelling.Labelled done = topics.label(name, description, examples);
            return Response.seeOther(URI.create("/admin/replies?intent=" + URLEncoder.encode(done.intent(), StandardCharsets.UTF_8).replace("+", "%20") + "&labelled=" + done.tickets()
                    + (done.created() ? "&created=true" : ""))).build();
        } catch (ApiException e) {
            // The lead stays on the page with the alert's form as it was sent, nothing typed lost.
            TypedTopic typed = new TypedTopic(name, description, shown, examples, e.getMessage());
            return Response.status(e.status).entity(drift(null, e.getMessage(), false, typed)).build();
        }
    }

    @POST
    @Path("/actions/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id) {
        try {
            long round = actions.approve(id, currentUser.name());
            return Response.seeOther(URI.create("/admin/rounds/" + round)).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(refused(e.getMessage())).build();
        }
    }

    @POST
    @Path("/actions/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("id") long id) {
        try {
            actions.dismiss(id, currentUser.name());
            return Response.seeOther(URI.create("/admin/drift")).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(refused(e.getMessage())).build();
        }
    }
}
