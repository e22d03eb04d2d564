package dev.loopwise.review.history;

import dev.loopwise.common.http.Paging;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The caller's own judgements through the API, as My judgements lists them. Roles: reviewer, admin. Under the review API's
 * own path, as one judgement is read there: a class at /api/v1/review/judgements would take its requests for
 * /judgements/{id} too, and answer them 404.
 */
@Path("/api/v1/review")
@Tag(name = "Review")
@RolesAllowed({Role.REVIEWER, Role.ADMIN})
public class JudgementListResource {
    static final int MAX_LIMIT = 100;

    @Inject
    JudgementHistory history;
    @Inject
    CurrentUser currentUser;

    /** Only the caller's own, admins included: another reviewer's choices are read one at a time, by id. */
    @Operation(summary = "List one's own judgements", description = "The caller's judgements, newest first, a page at a time, each with the"
            + " ticket and the two replies as they were shown (A first) and the choice, stars, rewrite or reason given. A choice taken"
            + " back with undo is not listed. When more follow, a Link header (rel=\"next\") gives the next page's address.")
    @GET
    @Path("/judgements")
    public RestResponse<List<PastJudgement>> list(
            @Parameter(description = "Judgements a page, at most " + MAX_LIMIT + " (default " + HistoryPage.PAGE_SIZE + ")")
            @QueryParam("limit") String limit,
            @Parameter(description = "A whole number of 1 or more, normally the last judgementId shown: list the caller's judgements older than it (the next page)")
            @QueryParam("before") String before,
            @Context UriInfo uri) {
        Paging.Request request = Paging.read("limit", limit, HistoryPage.PAGE_SIZE, MAX_LIMIT, "offset", null, false, before);
        List<PastJudgement> fetched = history.newestFirst(currentUser.id(), request.before(), request.fetch());
        return Paging.respond(fetched, request, PastJudgement::judgementId, Function.identity(), uri);
    }
}
