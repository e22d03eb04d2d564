package dev.loopwise.monitoring;

import dev.loopwise.common.FormValues;
import dev.loopwise.security.CurrentUser;
import dev.loopwise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Drift of the active version: the latest signals, their history, alerts and actions; a check on demand. Roles: admin. */
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

    @GET
    public DriftOverview.Overview drift() {
        return overview.read();
    }

    /**
     * Checks now: with {@code force=true} whenever a window's worth of traffic exists (409 otherwise),
     * else only when enough new requests arrived since the last check (204 when not).
     */
    @POST
    @Path("/check")
    public Response check(@QueryParam("force") String force) {
        return monitoring.check(FormValues.bool("force", force, true)).map(c -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reportId", c.reportId());
            body.put("modelVersion", c.version());
            body.put("signals", c.report().signals());
            body.put("raised", c.report().alerts());
            body.put("confirmed", c.confirmed());
            body.put("newTopics", c.report().newTopics());
            return Response.ok(body).build();
        }).orElse(Response.noContent().build());
    }

    /** Approves a requested round: {@code 200 {"roundId"}}; 409 {@code already_decided} when it was approved or dismissed before. */
    @POST
    @Path("/actions/{id}/approve")
    public Map<String, Object> approve(@PathParam("id") long id) {
        return Map.of("roundId", actions.approve(id, currentUser.name()));
    }

    /** Dismisses a requested round: 204; 409 {@code already_decided} when it was approved or dismissed before. */
    @POST
    @Path("/actions/{id}/dismiss")
    public void dismiss(@PathParam("id") long id) {
        actions.dismiss(id, currentUser.name());
    }
}
