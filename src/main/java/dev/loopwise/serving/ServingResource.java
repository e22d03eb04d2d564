package dev.loopwise.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.ServingMessages;
import dev.loopwise.common.http.ErrorResponsesOpenApi;
import dev.loopwise.common.json.NonNullText;
import dev.loopwise.llm.GroundingPassage;
import dev.loopwise.llm.LlmOutcome;
import dev.loopwise.model.intent.IntentPrediction;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The answering API for helpdesks and chat widgets. Roles: service (a helpdesk's key) and admin. Reviewers may
 * not call it: served traffic becomes review items, and those who judge them must not choose what they judge.
 */
@Path("/api/v1")
@Tag(name = "Serving")
@RolesAllowed({Role.ADMIN, Role.SERVICE})
@Consumes(MediaType.APPLICATION_JSON)
public class ServingResource {
    private static final String REQUEST_ID = "This call's id in the request log: send it to /api/v1/feedback to rate the reply";
    private static final String OUT_OF_SCOPE = "True when the ticket is one support does not answer with a library reply: hand it to a person";
    private static final String MODEL_VERSION = "The model version that answered";

    @Inject
    ServingRequests requests;

    @Schema(description = "A customer's ticket to answer or classify")
    public record TextRequest(@Schema(required = true, example = "Hi, I ordered a lamp a week ago (order FH-10422) and it still hasn't arrived. Where is it?",
            description = "The ticket as the customer wrote it: required, not blank, at most LOOPWISE_SERVING_MAX_TEXT_LENGTH characters"
                    + " (4,000 by default, counted as people count them); no control characters other than tabs and line breaks")
            @JsonDeserialize(using = NonNullText.class) String text) {
    }

    @Schema(name = "PredictedIntent", description = "The intent the classifier gives the ticket")
    public record IntentView(@Schema(description = "The intent's name (oos when the ticket is out of scope)", example = "track_order") String label,
                             @Schema(description = "How sure the classifier is of that intent, from 0 to 1", example = "0.92") double confidence) {
    }

    /**
     * {@code openSlots}: slots the ticket did not give a value for, left as {{slot}} for the agent. {@code id} is the
     * library reply's, null for an LLM draft. {@code intent} is the intent the reply was written for: the reply policy
     * may prefer another intent's reply when the classifier is unsure, and a helpdesk routing by intent should see that.
     */
    @Schema(name = "ServedReply", description = "The reply to send the customer")
    public record ReplyView(@Schema(description = "The library reply's id; null for a draft the team's LLM wrote", example = "1") Long id,
                            @Schema(description = "The intent the reply was written for; may differ from intent.label when the classifier was"
                                    + " unsure between two intents", example = "track_order") String intent,
                            @Schema(description = "The reply, its slots filled from the ticket where it gave them") String text,
                            @Schema(description = "Slots the ticket gave no value for, left in the text as {{name}} for the helpdesk or an agent"
                                    + " to fill in", example = "[\"tracking_link\"]") List<String> openSlots) {
    }

    /**
     * With an LLM connected: {@code source} (library or llm), {@code llm} (its state: "ok: 3 drafts", "unavailable:
     * timeout"), the {@code scorer}, every scored {@code candidate}, the knowledge {@code sources} and {@code llmMs}, the
     * LLM's own time; all absent without.
     */
    public record RespondResponse(@Schema(description = REQUEST_ID) UUID requestId,
                                  @Schema(description = "The ticket's intent") IntentView intent,
                                  @Schema(description = OUT_OF_SCOPE) boolean outOfScope,
                                  @Schema(description = "The reply to send; null when the ticket goes to a person: out of scope, or its intent has"
                                          + " no library reply yet") ReplyView response,
                                  @Schema(description = MODEL_VERSION) int modelVersion,
                                  @Schema(description = "With an LLM connected: where the reply came from, library or llm")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String source,
                                  @Schema(description = "With an LLM connected: how the call went, such as 'ok: 3 drafts' or 'unavailable: timeout'")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String llm,
                                  @Schema(description = "With an LLM connected: what weighed the candidates: reward model, policy or similarity")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String scorer,
                                  @Schema(description = "With an LLM connected: every candidate weighed, library replies and drafts")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<LlmOutcome.Scored> candidates,
                                  @Schema(description = "With an LLM connected: the knowledge-base passages the drafts were written from, best first")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<GroundingPassage> sources,
                                  @Schema(description = "With an LLM connected: knowledge base when the drafts were written from its passages, no knowledge base when there was none to search")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String grounding,
                                  @Schema(description = "With an LLM connected: the LLM's own time in milliseconds, until its last draft arrived")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Long llmMs) {
        static RespondResponse of(ServingPipeline.Answer a) {
            ServingModel.Decision d = a.decision();
            IntentView intent = new IntentView(d.intent().label(), d.intent().confidence());
            LlmOutcome llm = a.llm();
            if (llm == null) {
                ReplyView reply = d.reply() == null ? null : new ReplyView(d.reply().replyId(), d.reply().intent(), d.replyText(),
                        d.openSlots());
                return new RespondResponse(a.requestId(), intent, d.intent().outOfScope(), reply, a.modelVersion(), null, null, null,
                        null, null, null, null);
            }
            // The library's own choice keeps its reply's intent; drafts and best-of-n candidates answer the predicted intent.
            String replyIntent = d.reply() != null && Objects.equals(d.reply().replyId(), llm.replyId()) ? d.reply().intent() : d.intent().label();
            return new RespondResponse(a.requestId(), intent, d.intent().outOfScope(), new ReplyView(llm.replyId(), replyIntent,
                    llm.replyText(), llm.openSlots()), a.modelVersion(), llm.source(), llm.status(), llm.scorer(), llm.candidates(), llm.sources(),
                    llm.grounding(), llm.llmMs());
        }
    }

    public record ScoredLabel(@Schema(description = "An intent's name", example = "track_order") String label,
                              @Schema(description = "Its probability, from 0 to 1", example = "0.92") double p) {
    }

    public record ClassifyResponse(@Schema(description = REQUEST_ID) UUID requestId,
                                   @Schema(description = "The predicted intent (oos when out of scope)", example = "track_order") String label,
                                   @Schema(description = "How sure the classifier is of it, from 0 to 1", example = "0.92") double confidence,
                                   @Schema(description = OUT_OF_SCOPE) boolean outOfScope,
                                   @Schema(description = "The most likely intents with their probabilities, most likely first") List<ScoredLabel> top,
                                   @Schema(description = MODEL_VERSION) int modelVersion) {
    }

    /** Why a ticket can go unanswered, whatever is asked: the same for /respond, /classify and /v1/chat/completions. */
    static final String UNAVAILABLE = "No version is active yet (train one and promote it; header x-should-retry: false, since waiting"
            + " will not help), the server has more tickets waiting than it takes (try again after the seconds in the Retry-After"
            + " header, LOOPWISE_SERVING_TIMEOUT), or the model failed on the ticket's batch (try again after the second in its"
            + " Retry-After: the next batch can succeed; both x-should-retry: true). Codes: no_active_model, overloaded, serving_failed";
    /** What a ticket's text can be refused for, whatever is asked. */
    static final String BAD_TICKET = ErrorResponsesOpenApi.BAD_INPUT + ", text_too_long (a ticket longer than LOOPWISE_SERVING_MAX_TEXT_LENGTH)";

    /** Intent and reply for a ticket; {@code response} is null when the ticket is out of scope (hand it to a human). */
    // Given any answer of its own, an operation that answers later (a CompletionStage) is given no success answer by default.
    @APIResponse(responseCode = "200", description = "The ticket's intent and reply", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RespondResponse.class)))
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    @APIResponse(responseCode = "400", description = BAD_TICKET)
    @Operation(summary = "Answer a ticket", description = "The ticket's intent and the reply the active version serves; reply null when the ticket goes to a person.")
    @POST
    @Path("/respond")
    public CompletionStage<RespondResponse> respond(TextRequest request) {
        return answer(request, true).thenApply(RespondResponse::of);
    }

    @APIResponse(responseCode = "200", description = "The ticket's intent", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClassifyResponse.class)))
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    @APIResponse(responseCode = "400", description = BAD_TICKET)
    @Operation(summary = "Classify a ticket", description = "The intent alone, with its confidence, the top intents and whether the ticket is out of scope.")
    @POST
    @Path("/classify")
    public CompletionStage<ClassifyResponse> classify(TextRequest request) {
        return answer(request, false).thenApply(a -> {
            IntentPrediction p = a.decision().intent();
            return new ClassifyResponse(a.requestId(), p.label(), p.confidence(), p.outOfScope(),
                    p.top().stream().map(s -> new ScoredLabel(s.label(), s.p())).toList(), a.modelVersion());
        });
    }

    private CompletionStage<ServingPipeline.Answer> answer(TextRequest request, boolean withReply) {
        if (request == null) {
            // An empty body or a bare null: saying the text field is missing would send the caller looking at the wrong place.
            throw ApiException.badRequest("validation_failed", ServingMessages.TICKET_BODY_REQUIRED);
        }
        return requests.answer(request.text(), withReply);
    }
}
