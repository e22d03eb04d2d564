package dev.loopwise.serving;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.ServingMessages;
import dev.loopwise.llm.LlmDrafting;
import dev.loopwise.llm.LlmOutcome;
import dev.loopwise.llm.LlmTryFailures;
import dev.loopwise.model.encoder.EncoderCatalogue;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.intent.IntentPrediction;
import dev.loopwise.model.registry.NewIntentAdvice;
import dev.loopwise.model.registry.VersionIntents;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Try a ticket": what the serving version would answer a customer — the intent it reads, how sure it is, whether it
 * hands the ticket to a person, and the reply — without calling the API and without counting as traffic (nothing goes
 * to the request log, so drift and review never see it; only an LLM failure is kept, for the LLM page). Roles: admin.
 */
@Path("/admin/models/try")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class TryPage {
    @Inject
    ModelRegistry registry;
    @Inject
    EncoderService encoders;
    @Inject
    ServableText servable;
    @Inject
    LlmDrafting drafting;
    @Inject
    LlmTryFailures tryFailures;

    /**
     * What the serving version made of a ticket; {@code llm}: how the team's LLM took part, null when none is connected;
     * {@code replyIntent}: the intent the library reply was written for, which may differ from the one read;
     * {@code handoverLine}: how sure of its best intent the version must be to answer; {@code unhandledShare}: how likely
     * it finds the ticket a request the team does not handle (null when it never learned such requests); {@code fromRound}:
     * an alignment round made the version, so reviewers' choices shaped its reply choice, not only the agents' answers;
     * {@code englishEncoder}: the name of the shipped encoder the version reads with, all of them trained on English text,
     * null for an encoder from a folder, whose languages Loopwise cannot know.
     */
    public record Tried(String ticket, int version, IntentPrediction intent, String reply, String replyIntent, List<String> openSlots,
                        LlmOutcome llm, double handoverLine, Double unhandledShare, boolean fromRound, String englishEncoder) {
        /** The reply was written for another intent than the one the version read: what it learned from prefers it here. */
        public boolean replyCrossesIntents() {
            return llm == null && replyIntent != null && !replyIntent.equals(intent.label());
        }

        /**
         * Handed over because it takes the ticket for a request the team does not handle (the oos class won), rather than
         * for being unsure which handled intent it is: the two read differently to a lead.
         */
        public boolean takenForUnhandled() {
            return unhandledShare != null && unhandledShare > intent.confidence();
        }

        /** The version answers whatever its certainty: only requests it takes for unhandled ones go to a person. */
        public boolean answersWhateverItsCertainty() {
            return handoverLine < 0.005;
        }
    }

    /** The note on intents newer than the version, ending with the page of its next step: {@code text} ends before the link. */
    public record Unlearned(String text, String href, String page) {
    }

    @CheckedTemplate
    static class Templates {
        /** {@code unlearned}: why a ticket of an intent newer than the version gets another's reply; null when none is. */
        static native TemplateInstance tryTicket(Integer version, Tried tried, String ticket, String error, TrainingRun training,
                                                 Unlearned unlearned);
    }

    @GET
    public TemplateInstance page() {
        Integer version = registry.current().map(ServingModel::version).orElse(null);
        return Templates.tryTicket(version, null, null, null, trainingWhileNoVersion(version), unlearned(version));
    }

    /**
     * With no version to try, the training under way if there is one: "train one first" read as if nothing was happening
     * while the first version was training. One row, the one the Models page follows.
     */
    private static TrainingRun trainingWhileNoVersion(Integer version) {
        return version != null ? null : TrainingRun.oldestUnfinished().orElse(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tryTicket(@RestForm("ticket") String ticket) {
        Integer version = registry.current().map(ServingModel::version).orElse(null);
        ApiException refused = servable.refusal(ticket);
        if (refused != null) {
            return Response.status(refused.status).entity(Templates.tryTicket(version, null, ticket, refused.getMessage(),
                    trainingWhileNoVersion(version), unlearned(version))).build();
        }
        return registry.current().map(model -> {
            float[] vector = encoders.encode(model.encoder(), List.of(ticket))[0];
            ServingModel.Decision decision = model.decide(vector, ticket, true);
            // With the LLM connected customers may get a draft: the try asks it too, as serving would (a real call).
            LlmOutcome llm = decision.reply() != null && drafting.active() ? drafted(model, ticket, vector, decision) : null;
            tryFailures.note(llm);
            IntentHead head = model.bundle().intent();
            Double unhandled = head.outOfScopeIndex() < 0 ? null : head.probabilities(vector)[head.outOfScopeIndex()];
            Tried tried = new Tried(ticket, model.version(), decision.intent(), decision.replyText(),
                    decision.reply() == null ? null : decision.reply().intent(), decision.openSlots(), llm, head.threshold(), unhandled,
                    ModelVersion.findByVersion(model.version()).map(v -> v.lineage != null && v.lineage.get("alignmentRound") != null)
                            .orElse(false), shippedEncoderName(model.encoder()));
            return Response.ok(Templates.tryTicket(model.version(), tried, ticket, null, null, unlearned(model.version()))).build();
        }).orElseGet(() -> Response.status(409).entity(Templates.tryTicket(null, null, ticket, null, trainingWhileNoVersion(null), null))
                .build());
    }

    /**
     * The intents labelled since the version was trained (the out-of-scope label aside), said in words with the step they
     * wait for, as Models words it; null when it knows them all, or was stored before versions kept the list of what
     * they learned.
     */
    private static Unlearned unlearned(Integer version) {
        ModelVersion stored = version == null ? null : ModelVersion.findByVersion(version).orElse(null);
        if (stored == null) {
            return null;
        }
        Map<String, Long> labelled = NewIntentAdvice.labelledByName();
        NewIntentAdvice advice = NewIntentAdvice.of(stored, labelled, NewIntentAdvice.intentsWithoutReply());
        List<String> newer = advice.unknown();
        if (newer.isEmpty()) {
            return null;
        }
        NewIntentAdvice.Step step = advice.step();
        String text = ServingMessages.unlearnedIntents(version, newer, VersionIntents.listed(newer),
                advice.thin().stream().map(name -> name + " (it has " + labelled.get(name) + ")").toList(),
                ModelTrainer.TICKETS_PER_NEW_INTENT,
                step == NewIntentAdvice.Step.WRITE_REPLY ? VersionIntents.listed(advice.unreplied()) : null);
        return switch (step) {
            case LABEL_MORE -> new Unlearned(text, "/admin/tickets", "Tickets");
            case WRITE_REPLY -> new Unlearned(text, "/admin/replies", "Replies");
            case TRAIN -> new Unlearned(text, "/admin/models", "Models");
        };
    }

    /** The catalogue name of the encoder a version reads with, tuned or not; null when it came from a folder. */
    private static String shippedEncoderName(EncoderRef encoder) {
        return encoder.source() == null ? null : EncoderCatalogue.find(encoder.source()).map(EncoderCatalogue.Entry::name).orElse(null);
    }

    /** Never fails: drafting answers with the library's reply and the reason whatever goes wrong, as in serving. */
    private LlmOutcome drafted(ServingModel model, String ticket, float[] vector, ServingModel.Decision decision) {
        try {
            return drafting.answer(model, ticket, vector, decision).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
