package dev.loopwise.security.account;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Sends each signed-in person to their role's home. Roles: any signed-in user. */
@Path("/")
public class HomePage {
    @Inject
    CurrentUser currentUser;

    @GET
    @Authenticated
    public Response home() {
        return Response.seeOther(URI.create(currentUser.isAdmin() ? "/admin" : "/review")).build();
    }
}
