package dev.loopwise.review;

import dev.loopwise.security.CurrentUser;
import dev.loopwise.security.Role;
import dev.loopwise.security.User;
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
import java.util.Map;

/**
 * The reviewer's pages: home (what waits, what they did, how well they agree) and the judging page,
 * whose script talks to the JSON endpoints below with the session and the page's CSRF token.
 * Roles: reviewer, admin.
 */
@Path("/review")
@RolesAllowed({Role.REVIEWER, Role.ADMIN})
public class ReviewPages {
    @Inject
    ReviewService review;
    @Inject
    ReviewStats stats;
    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(ReviewStats.Home home);

        static native TemplateInstance judge(ReviewStats.Home home);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(stats.home(currentUser.user().id));
    }

    @GET
    @Path("/judge")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance judge() {
        return Templates.judge(stats.home(currentUser.user().id));
    }

    @GET
    @Path("/items/next")
    @Produces(MediaType.APPLICATION_JSON)
    public Response next() {
        return review.next(currentUser.user().id).map(item -> Response.ok(item).build()).orElse(Response.noContent().build());
    }

    @POST
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> judge(@PathParam("itemId") long itemId, Submission submission) {
        User user = currentUser.user();
        ReviewService.Stored stored = review.submit(user.id, user.username, itemId, ReviewResource.require(submission));
        ReviewStats.Home home = stats.home(user.id);
        return Map.of("judgementId", stored.judgementId(), "judgedToday", home.judgedToday(), "judgedTotal", home.judgedTotal(),
                "waiting", home.waiting());
    }

    @POST
    @Path("/items/{itemId}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> undo(@PathParam("itemId") long itemId) {
        User user = currentUser.user();
        review.undo(user.id, itemId);
        ReviewStats.Home home = stats.home(user.id);
        return Map.of("judgedToday", home.judgedToday(), "judgedTotal", home.judgedTotal(), "waiting", home.waiting());
    }
}
