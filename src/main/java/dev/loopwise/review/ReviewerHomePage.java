package dev.loopwise.review;

import dev.loopwise.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The reviewer's home. Roles: reviewer, admin. */
@Path("/review")
@RolesAllowed({Role.REVIEWER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ReviewerHomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }
}
