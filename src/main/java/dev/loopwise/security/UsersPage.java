package dev.loopwise.security;

import dev.loopwise.common.ApiException;
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

/** The people who use Loopwise: add one, change a role, set a new password, disable or enable. Roles: admin. */
@Path("/admin/users")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class UsersPage {
    @Inject
    UserService users;
    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<User> users, String me, String error, String notice);
    }

    @GET
    public TemplateInstance list(@QueryParam("created") String created, @QueryParam("updated") String updated) {
        String notice = created != null ? "Created the account " + created + "."
                : updated != null ? "Saved the changes to " + updated + "." : null;
        return Templates.users(User.listByName(), currentUser.name(), null, notice);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm String role,
                           @RestForm String displayName) {
        try {
            User user = users.create(username, password == null || password.isEmpty() ? null : password, role, displayName);
            return Response.seeOther(URI.create("/admin/users?created=" + user.username)).build();
        } catch (ApiException e) {
            return refused(e);
        }
    }

    /** A blank password field leaves the password as it is. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String displayName, @RestForm String role,
                           @RestForm String password, @RestForm String status) {
        try {
            Boolean disabled = status == null || status.isBlank() ? null : "disabled".equals(status);
            String newPassword = password == null || password.isEmpty() ? null : password;
            User user = users.update(currentUser.name(), id, new UserService.UserChange(displayName, role, newPassword, disabled));
            return Response.seeOther(URI.create("/admin/users?updated=" + user.username)).build();
        } catch (ApiException e) {
            return refused(e);
        }
    }

    private Response refused(ApiException e) {
        return Response.status(e.status).entity(Templates.users(User.listByName(), currentUser.name(), e.getMessage(), null)).build();
    }
}
