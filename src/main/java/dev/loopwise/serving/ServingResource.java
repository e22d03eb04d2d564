package dev.loopwise.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.ServingMessages;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Inject
    ServingRequests requests;

    public record TextRequest(@JsonDeserialize(using = NonNullText.class) String text) {
    }

    @Schema(name = "PredictedIntent")
    public record IntentView(String label, double confidence) {
    }

    /**
     * {@code openSlots}: slots the ticket did not give a value for, left as {{slot}} for the agent. {@code id} is the
     * library reply's, null for an LLM draft. {@code intent} is the intent the reply was written for: the reply policy
     * may prefer another intent's reply when the classifier is unsure, and a helpdesk routing by intent should see that.
     */
    @Schema(name = "ServedReply")
    public record ReplyView(Long id, String intent, String text, List<String> openSlots) {
    }

    /**
     * With an LLM connected: {@code source} (library or llm), {@code llm} (its state: "ok: 3 drafts", "unavailable:
     * timeout"), the {@code scorer}, every scored {@code candidate}, the knowledge {@code sources} and {@code llmMs}, the
     * LLM's own time; all absent without.
     */
    public record RespondResponse(UUID requestId, IntentView intent, boolean outOfScope, ReplyView response, int modelVersion,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String source,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String llm,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String scorer,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<LlmOutcome.Scored> candidates,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<GroundingPassage> sources,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String grounding,
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

    public record ScoredLabel(String label, double p) {
    }

    public record ClassifyResponse(UUID requestId, String label, double confidence, boolean outOfScope, List<ScoredLabel> top,
                                   int modelVersion) {
    }

    /** Intent and reply for a ticket; {@code response} is null when the ticket is out of scope (hand it to a human). */
    @Operation(summary = "Answer a ticket", description = "The ticket's intent and the reply the active version serves; reply null when the ticket goes to a person.")
    @POST
    @Path("/respond")
    public CompletionStage<RespondResponse> respond(TextRequest request) {
        return answer(request, true).thenApply(RespondResponse::of);
    }

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
