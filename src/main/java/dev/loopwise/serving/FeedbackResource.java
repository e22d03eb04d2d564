package dev.loopwise.serving;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.ServingMessages;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Thumbs up or down on a served reply; sending it again changes the caller's verdict. Roles: admin, reviewer, service.
 * A thumb belongs to the account that sent it: every key of that account and its browser session read it back, as do
 * admins; to any other account it is not found, as another's API key is.
 */
@Path("/api/v1/feedback")
@Tag(name = "Serving")
@RolesAllowed({Role.ADMIN, Role.REVIEWER, Role.SERVICE})
public class FeedbackResource {
    static final int MAX_COMMENT = 2000;

    @Inject
    EntityManager em;
    @Inject
    CurrentUser currentUser;
    @Inject
    ServingConfig config;

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Schema(description = "A customer's thumbs on a reply /api/v1/respond served")
    public record FeedbackRequest(
            @Schema(required = true, description = "The requestId of a /api/v1/respond answer, or the loopwise.requestId of a /v1/chat/completions answer", example = "3f6c1d2e-8b1a-4c4e-9a57-2f0d6b1e9c41")
            String requestId,
            @Schema(required = true, description = "up or down; sending again changes the caller's verdict", enumeration = {"up", "down"},
                    example = "up") String rating,
            @Schema(maxLength = 2000, description = "Optional: what the customer said, at most 2,000 characters, no control characters other than tabs and line breaks",
                    example = "Quick and right, thanks!") String comment) {
    }

    @Operation(summary = "Rate a served reply", description = "Thumbs up or down on a reply /respond served, with an optional comment; sending again changes the caller's verdict.")
    @APIResponse(responseCode = "201", description = "The feedback was recorded",
            headers = @Header(name = "Location", description = "The feedback's address, /api/v1/feedback/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackRecorded.class)))
    @APIResponse(responseCode = "200", description = "The account had rated that reply already: its verdict and comment were"
            + " replaced, at the same address",
            headers = @Header(name = "Location", description = "The feedback's address, the one the first 201 named", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackRecorded.class)))
    @APIResponse(responseCode = "400", description = "The request id or the rating is not valid, or the comment holds a control character."
            + " Codes: validation_failed, invalid_comment, invalid_text")
    @APIResponse(responseCode = "404", description = "The request log holds no served request with that requestId: a mistyped id, or"
            + " one of a month dropped after LOOPWISE_SERVING_RETENTION_MONTHS. Code: not_found")
    @APIResponse(responseCode = "409", description = "The request served no reply (a classification, or a ticket handed to a person),"
            + " or its text and reply were blanked after LOOPWISE_SERVING_TEXT_RETENTION_DAYS. Codes: no_reply_served, reply_forgotten")
    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(FeedbackRequest request) {
        if (request == null || request.requestId() == null || request.rating() == null) {
            throw ApiException.badRequest("validation_failed", ServingMessages.FEEDBACK_FIELDS_NEEDED);
        }
        // Any case, as every other choice the API names is taken.
        String rating = request.rating().toLowerCase(Locale.ROOT);
        if (!rating.equals("up") && !rating.equals("down")) {
            throw ApiException.badRequest("validation_failed", ServingMessages.RATING_UP_OR_DOWN);
        }
        // Counted as people count characters: an emoji is one, not the two UTF-16 units Java's length() counts.
        if (request.comment() != null && request.comment().codePointCount(0, request.comment().length()) > MAX_COMMENT) {
            throw ApiException.badRequest("validation_failed", ServingMessages.commentTooLong(MAX_COMMENT));
        }
        String control = request.comment() == null ? null : PlainText.firstControlCharacter(request.comment());
        if (control != null) {
            // As a ticket's text: a bell or a terminal escape is nothing a person wrote, and comments are read by people.
            throw ApiException.badRequest("invalid_comment", ServingMessages.controlCharacterInComment(control));
        }
        // UUID.fromString also takes shortened forms ("1-1-1-1-1"), which neither /api/v1/respond nor /v1/chat/completions returns.
        if (!CANONICAL_UUID.matcher(request.requestId()).matches()) {
            throw ApiException.badRequest("validation_failed", ServingMessages.REQUEST_ID_FORMAT);
        }
        UUID id = UUID.fromString(request.requestId());
        // A comment of spaces or invisible characters says nothing: kept as no comment, as a blank rewrite is no rewrite.
        String comment = request.comment() == null || !PlainText.showsSomething(request.comment()) ? null : request.comment();
        // A request always has text when served; an empty one is what forgetting texts leaves, reply and all. Its endpoint,
        // reply id and answer source stay: a classification, or a hand-over with neither a reply of the library nor one
        // written, served no reply before its text went.
        List<?> served = em.createNativeQuery("select case when text = '' and (endpoint = 'classify' or (reply_id is null and"
                + " answer_source is null)) then 'none' when text = '' then 'forgotten' when reply_text is null then 'none' else 'reply' end"
                + " from served_requests where id = ?1").setParameter(1, id).getResultList();
        if (served.isEmpty()) {
            throw ApiException.notFound(ServingMessages.noServedRequest(id, config.retentionMonths()));
        }
        if ("forgotten".equals(served.get(0))) {
            // Said apart from "no reply": the request may well have served one, and the sender should learn why it is gone.
            throw ApiException.conflict("reply_forgotten", ServingMessages.replyForgotten(id, config.textRetentionDays()));
        }
        if (!"reply".equals(served.get(0))) {
            // A thumb counts among the answers customers rated: a classification or a hand-over gave them none to rate.
            throw ApiException.conflict("no_reply_served", ServingMessages.noReplyToRate(id));
        }
        // xmax is 0 only on a row this statement inserted: an updated one carries the updating transaction's id.
        Object[] row = (Object[]) em.createNativeQuery("""
                insert into feedback (request_id, rating, comment, caller) values (?1, ?2, ?3, ?4)
                on conflict (request_id, caller) do update set rating = excluded.rating, comment = excluded.comment, created_at = now()
                returning id, (xmax = 0) as inserted""").setParameter(1, id).setParameter(2, rating).setParameter(3, comment)
                .setParameter(4, currentUser.name()).getSingleResult();
        long feedbackId = ((Number) row[0]).longValue();
        // Its own address, which GET reads; sending again for the same request keeps it, and is no new resource.
        URI location = URI.create("/api/v1/feedback/" + feedbackId);
        Response.ResponseBuilder answer = Boolean.TRUE.equals(row[1]) ? Response.created(location) : Response.ok().location(location);
        return answer.entity(new FeedbackRecorded(feedbackId)).build();
    }

    @Operation(summary = "Get one feedback", description = "As it was last sent. Every key of the account that sent it and its"
            + " browser session read it, and admins; to any other account it is not found.")
    @APIResponse(responseCode = "200", description = "The feedback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "404", description = "No such feedback, or another account's. Code: not_found")
    @GET
    @Path("/{id}")
    public FeedbackView get(@PathParam("id") long id) {
        List<?> rows = em.createNativeQuery("select id, request_id, rating, comment, caller, created_at from feedback where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty() || !(currentUser.isAdmin() || currentUser.name().equals(((Object[]) rows.get(0))[4]))) {
            throw ApiException.notFound(Messages.notFound("feedback", id));
        }
        return FeedbackView.of((Object[]) rows.get(0));
    }
}
