package dev.loopwise.review;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.ReviewMessages;
import dev.loopwise.common.http.ChangesOnGet;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Review through the API: the next pair to judge, a judgement and reading it back, an undo. Roles: reviewer, admin. */
@Path("/api/v1/review")
@Tag(name = "Review")
@RolesAllowed({Role.REVIEWER, Role.ADMIN})
public class ReviewResource {
    @Inject
    ReviewService review;
    @Inject
    CurrentUser currentUser;

    /** 200 with the item, or 204 when nothing is waiting. */
    @Operation(summary = "Get the next item to judge", description = "A ticket with two candidate replies, leased to the caller until leaseExpiresAt.")
    @APIResponse(responseCode = "200", description = "The item to judge, leased to the caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "204", description = "Nothing waits for this reviewer")
    @APIResponse(responseCode = "503", description = "The queue was empty and making new items for it failed on the server's side, saving"
            + " nothing: ask again in a moment (x-should-retry: true, and Retry-After in seconds). Code: review_items_failed")
    @GET
    @ChangesOnGet
    @Path("/next")
    public Response next() {
        return review.next(currentUser.id()).map(item -> Response.ok(item).build()).orElse(Response.noContent().build());
    }

    /**
     * 201 when stored; 200 with {@code duplicate: true} when this reviewer had already judged the item the same way (a
     * retried request); 409 when they had judged it differently.
     */
    @Operation(summary = "Judge an item", description = "choice A, B, tie, both_bad, out_of_scope or skip (with a reason); optional ratings and a rewrite.")
    @APIResponse(responseCode = "201", description = "The judgement is stored",
            headers = @Header(name = "Location", description = "The judgement's address, /api/v1/review/judgements/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewService.Stored.class)))
    @APIResponse(responseCode = "200", description = "The same choice again (a retried request): duplicate is true",
            headers = @Header(name = "Location", description = "The judgement's address, the one the first 201 named",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewService.Stored.class)))
    @APIResponse(responseCode = "409", description = "Judged already with another choice (undo first), not leased to the caller, lease expired and handed on, or the item"
            + " has all its judgements. Codes: already_judged, not_leased, lease_expired, item_complete")
    @APIResponse(responseCode = "400", description = "The judgement is not one the item takes: the message says what to fix. Codes: invalid_choice,"
            + " invalid_rating, contradictory_ratings, not_with_choice, reason_required, invalid_reason, reason_too_long, invalid_rewrite,"
            + " rewrite_too_long, invalid_duration, invalid_text, validation_failed, malformed_json, bad_parameter")
    @POST
    @Path("/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response judge(@PathParam("itemId") long itemId, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Submission.class), examples = {
                    // Whole answers as a reviewer gives them: the schema's field examples together would send a reason with A.
                    @ExampleObject(name = "better", summary = "A is better, with stars", value = "{\"choice\": \"A\", \"ratings\": {\"A\": 4, \"B\": 2},"
                            + " \"durationMs\": 8400}"),
                    @ExampleObject(name = "rewrite", summary = "Both bad, with a better reply", value = "{\"choice\": \"both_bad\", \"rewrite\":"
                            + " \"Hi, your order {{order_number}} left our warehouse today. You can follow it here: {{tracking_link}}\"}"),
                    @ExampleObject(name = "skip", summary = "Skip, with the reason", value = "{\"choice\": \"skip\", \"reason\":"
                            + " \"The ticket is in German\"}")})) Submission submission) {
        ReviewService.Stored stored = review.submit(currentUser.id(), currentUser.name(), itemId, require(submission));
        // A retried request names the judgement the first one stored: nothing new was created, but it is there to read.
        URI location = URI.create("/api/v1/review/judgements/" + stored.judgementId());
        return (stored.duplicate() ? Response.ok().location(location) : Response.created(location)).entity(stored).build();
    }

    @Operation(summary = "Get one judgement", description = "As the reviewer gave it, A and B as they were shown. The reviewer who gave it"
            + " reads it, and admins; to any other reviewer it is not found. An undone judgement is not found.")
    @APIResponse(responseCode = "200", description = "The judgement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JudgementView.class)))
    @APIResponse(responseCode = "404", description = "No such judgement, another reviewer's, or one taken back. Code: not_found")
    @GET
    @Path("/judgements/{id}")
    public JudgementView judgement(@PathParam("id") long id) {
        Judgement judgement = Judgement.findById(id);
        if (judgement == null || !(currentUser.isAdmin() || judgement.reviewerId == currentUser.id())) {
            throw ApiException.notFound(Messages.notFound("judgement", id));
        }
        return JudgementView.of(judgement);
    }

    /** 204: the choice is taken back (an out-of-scope label with it) and the item is the caller's next one; 409 too_late after the window. */
    @Operation(summary = "Take a judgement back", description = "Within the undo window; the item becomes the caller's next.")
    @APIResponse(responseCode = "204", description = "The judgement is taken back")
    @APIResponse(responseCode = "409", description = "The undo window has passed, or an admin has already decided the rewrite it carried."
            + " Codes: too_late, rewrite_decided")
    @POST
    @Path("/{itemId}/undo")
    public Response undo(@PathParam("itemId") long itemId) {
        review.undo(currentUser.id(), itemId);
        return Response.noContent().build();
    }

    static Submission require(Submission submission) {
        if (submission == null) {
            throw ApiException.badRequest("validation_failed", ReviewMessages.JUDGEMENT_BODY_REQUIRED);
        }
        return submission;
    }
}
