package dev.loopwise.monitoring;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.TextFiles;
import dev.loopwise.security.CurrentUser;
import dev.loopwise.security.Role;
import dev.loopwise.ticket.SampleTraffic;
import dev.loopwise.ticket.TicketFile;
import dev.loopwise.ticket.TicketRow;
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
import java.io.StringReader;
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
    dev.loopwise.serving.ServableText servable;
    @Inject
    DriftActions actions;
    @Inject
    MonitoringConfig config;
    @Inject
    CurrentUser currentUser;
    @Inject
    dev.loopwise.audit.AuditLog audit;
    @Inject
    TopicLabelling topics;
    @Inject
    DriftWindow windows;
    @Inject
    dev.loopwise.model.registry.ModelRegistry registry;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance drift(DriftOverview.Overview overview, List<String> charted, String message);
    }

    @GET
    public TemplateInstance page(@RestQuery Integer replayed, @RestQuery Integer failed, @RestQuery Integer checks,
                                 @RestQuery Integer alerts) {
        // Counts from the address of the redirect; a hand-typed negative one says nothing that happened.
        boolean counts = replayed != null && replayed >= 0 && orZero(failed) >= 0 && orZero(checks) >= 0 && orZero(alerts) >= 0;
        String message = counts ? Messages.replayed(replayed, orZero(failed), orZero(checks), orZero(alerts)) : null;
        return Templates.drift(overview.read(), DriftOverview.signalsCharted(), message);
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

    /** Replays the demo's traffic, the demo's shifted traffic, or an uploaded file through the answering pipeline. */
    @POST
    @Path("/replay")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replay(@RestForm String source, @RestForm("file") FileUpload file) throws IOException {
        List<String> texts = switch (source == null ? "" : source) {
            case "demo" -> SampleTraffic.texts(SampleTraffic.USUAL);
            case "demo-shifted" -> afterAFullWindow(SampleTraffic.texts(SampleTraffic.SHIFTED));
            case "", "file" -> uploaded(file);
            default -> throw ApiException.badRequest("invalid_source", "Replay 'demo', 'demo-shifted' or 'file' (an uploaded file),"
                    + " not '" + source + "'.");
        };
        ReplayService.Replayed done = replay.replay(texts, currentUser.name(), config.stride());
        long confirmed = done.checks().stream().mapToLong(c -> c.confirmed().size()).sum();
        // The replayed requests are served and logged like a customer's: who sent them belongs in the audit log.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> audit.record("drift.replay", done.requests() + " requests (" + (source == null || source.isBlank() ? "uploaded file" : source) + ")",
                java.util.Map.of("failed", done.failed(), "checks", done.checks().size(), "alerts", confirmed)));
        // Post/redirect/get: reloading the result must not send the traffic again.
        return Response.seeOther(java.net.URI.create("/admin/drift?replayed=" + done.requests() + "&failed=" + done.failed()
                + "&checks=" + done.checks().size() + "&alerts=" + confirmed)).build();
    }

    /**
     * A shift shows only against a window of the usual traffic: the usual requests the active version still lacks for
     * one come first, so that a single replay of the shifted traffic runs the checks an alert needs.
     */
    private List<String> afterAFullWindow(List<String> shifted) {
        long served = registry.current().map(active -> windows.requestsSince(active.version(), null, config.window())).orElse(0L);
        List<String> usual = SampleTraffic.texts(SampleTraffic.USUAL);
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < config.window() - served; i++) {
            texts.add(usual.get(i % usual.size()));
        }
        texts.addAll(shifted);
        return texts;
    }

    /** A new topic's example requests become a new intent's labelled tickets; then the admin writes its reply. */
    @POST
    @Path("/topics")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response labelTopic(@RestForm String name, @RestForm String description, @RestForm("example") List<String> examples) {
        try {
            TopicLabelling.Labelled done = topics.label(name, description, examples);
            return Response.seeOther(java.net.URI.create("/admin/replies?intent=" + java.net.URLEncoder.encode(done.intent(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "&labelled=" + done.tickets()
                    + (done.created() ? "&created=true" : ""))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(Templates.drift(overview.read(), DriftOverview.signalsCharted(), e.getMessage())).build();
        }
    }

    @POST
    @Path("/actions/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id) {
        try {
            long round = actions.approve(id, currentUser.name());
            return Response.seeOther(java.net.URI.create("/admin/rounds/" + round)).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(Templates.drift(overview.read(), DriftOverview.signalsCharted(), e.getMessage())).build();
        }
    }

    @POST
    @Path("/actions/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("id") long id) {
        try {
            actions.dismiss(id, currentUser.name());
            return Response.seeOther(java.net.URI.create("/admin/drift")).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(Templates.drift(overview.read(), DriftOverview.signalsCharted(), e.getMessage())).build();
        }
    }

    private List<String> uploaded(FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            throw ApiException.badRequest("invalid_file", "Choose the demo traffic or a CSV/JSONL file with a text column to replay.");
        }
        String text = TextFiles.utf8(file.uploadedFile(), file.fileName());
        TicketFile.Parsed parsed = TicketFile.read(new StringReader(text), TicketFile.guess(file.fileName(), text));
        if (!parsed.ok()) {
            throw ApiException.badRequest("invalid_file", "The file was not replayed: " + String.join("; ", parsed.errors().subList(0,
                    Math.min(10, parsed.errors().size()))) + ".");
        }
        if (parsed.rows().size() > ReplayService.MAX_TEXTS) {
            throw ApiException.badRequest("invalid_file", "Replay at most " + ReplayService.MAX_TEXTS + " tickets at a time.");
        }
        // What the answering API would refuse is refused here too, before anything is served.
        List<String> refused = new java.util.ArrayList<>();
        for (TicketRow row : parsed.rows()) {
            ApiException refusal = servable.refusal(row.text());
            if (refusal != null && refused.size() < 10) {
                refused.add("line " + row.line() + ": " + refusal.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw ApiException.badRequest("invalid_file", "The file was not replayed, nothing was sent: " + String.join("; ", refused));
        }
        return parsed.rows().stream().map(TicketRow::text).toList();
    }
}
