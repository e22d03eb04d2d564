package dev.loopwise.alignment.preference;

import dev.loopwise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The preference exports as downloads from a signed-in admin's browser: the API refuses session cookies by design, and a
 * support lead handing the data to whoever trains the team's LLM should not need an API key and a terminal. Roles: admin.
 */
@Path("/admin/exports")
@RolesAllowed(Role.ADMIN)
public class PreferenceDownloads {
    @Inject
    PreferenceResource exports;

    @GET
    @Path("/preferences")
    @Produces(PreferenceResource.JSONL)
    public Response preferences(@QueryParam("format") String format, @Context UriInfo uri) {
        return exports.export(format, uri);
    }
}
