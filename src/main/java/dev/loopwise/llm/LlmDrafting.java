package dev.loopwise.llm;

import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.ticket.SlotFiller;
import dev.loopwise.model.registry.version.ServingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Best-of-n answering for one ticket the policy has already answered from the library: the LLM drafts replies in the
 * brand voice from the intent, the library's best replies and the knowledge passages; the scorer ({@link BestOfN})
 * weighs drafts and library replies together and the best is served. Whatever goes wrong with the LLM, the ticket
 * gets the policy's library reply and the outcome says why.
 */
@ApplicationScoped
public class LlmDrafting {
    private static final Logger LOG = Logger.getLogger(LlmDrafting.class);

    @Inject
    LlmSettingsService settings;
    @Inject
    LlmClient client;
    @Inject
    LlmConfig config;
    @Inject
    Grounding grounding;
    @Inject
    EncoderService encoder;

    /** Kept from the caller's wait for choosing among the drafts, writing the request's row and answering. */
    static final long ANSWER_HEADROOM_MS = 250;

    /** Whether answers go through the LLM now; without it serving is exactly the library policy. */
    public boolean active() {
        return settings.current().active();
    }

    /**
     * For a decision that chose a library reply (the prompt's library replies follow its ranking). Never fails: a
     * failure of any part ends in the library's answer with the reason.
     */
    public CompletableFuture<LlmOutcome> answer(ServingModel model, String ticket, float[] vector, ServingModel.Decision decision) {
        return answer(model, ticket, vector, decision, System.nanoTime() + TimeUnit.DAYS.toNanos(1));
    }

    /**
     * As above, for a caller who waits until {@code deadlineNanos} ({@link System#nanoTime()}): an LLM timeout longer than the
     * wait left would answer the caller with a refusal after the wait instead of the library's reply in it.
     */
    public CompletableFuture<LlmOutcome> answer(ServingModel model, String ticket, float[] vector, ServingModel.Decision decision,
                                                long deadlineNanos) {
        LlmSettings current = settings.current();
        List<BestOfN.LibraryReply> library = libraryReplies(model, ticket, decision);
        long libraryId = decision.reply().replyId();
        String groundingNote = grounding.available() ? "knowledge base" : "no knowledge base";
        // The knowledge-base search runs off the serving thread too: it reads passages, not only memory.
        return CompletableFuture.supplyAsync(() -> passages(ticket, model, vector), client.executor())
                .thenCompose(passages -> client.drafts(current, DraftPrompt.build(current.brandVoice(), decision.intent().label(),
                                library.stream().map(r -> model.candidates().get(r.index()).text()).toList(), passages,
                                grounding.available(), ticket), drafts -> encoder.encode(model.encoder(), drafts),
                                TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()) - ANSWER_HEADROOM_MS)
                        .thenApplyAsync(drafts -> served(model, vector, ticket, library, drafts, passages, groundingNote), client.executor())
                        .exceptionally(failure -> {
                            String reason = LlmFailure.describe(failure);
                            LOG.debugf("No drafts for a ticket (%s)", reason);
                            return LlmOutcome.library(LlmFigures.UNAVAILABLE + reason, libraryId, decision.replyText(), decision.openSlots(),
                                    passages, groundingNote, LlmFailure.heldUntil(failure));
                        }));
    }

    private LlmOutcome served(ServingModel model, float[] vector, String ticket, List<BestOfN.LibraryReply> library,
                              LlmClient.Drafts drafts, List<GroundingPassage> passages, String groundingNote) {
        BestOfN.Choice choice = BestOfN.choose(model, vector, ticket, library, drafts.texts(), drafts.vectors(),
                BestOfN.servableLine(model, library, config.minLibrarySimilarity()));
        LlmOutcome.Scored best = choice.scored().get(choice.best());
        String status = "ok: " + drafts.texts().size() + (drafts.texts().size() == 1 ? " draft" : " drafts");
        if (best.kind().equals(LlmOutcome.LIBRARY)) {
            BestOfN.LibraryReply reply = library.get(choice.best());
            return new LlmOutcome(LlmOutcome.LIBRARY, status, reply.replyId(), reply.filledText(), reply.openSlots(),
                    choice.scorer(), choice.scored(), passages, groundingNote, drafts.latencyMs(), null);
        }
        return new LlmOutcome(LlmOutcome.LLM, status, null, best.text(), List.of(), choice.scorer(), choice.scored(), passages,
                groundingNote, drafts.latencyMs(), null);
    }

    /**
     * The policy's choice first, then its next favourites of the same intent, up to the configured number, in the
     * decision's own ranking (its reply is the first maximum, which a stable sort also puts first). Other intents'
     * replies stay out: the policy already decided what the ticket is about, and a scorer that preferred another intent's
     * reply would send the answer to a question the customer did not ask.
     */
    private List<BestOfN.LibraryReply> libraryReplies(ServingModel model, String ticket, ServingModel.Decision decision) {
        double[] preference = decision.preference();
        String intent = decision.reply().intent();
        List<Integer> order = IntStream.range(0, preference.length).filter(a -> model.candidates().get(a).intent().equals(intent)).boxed()
                .sorted(Comparator.comparingDouble(a -> -preference[a])).limit(config.libraryCandidates()).toList();
        List<BestOfN.LibraryReply> replies = new ArrayList<>();
        for (int a : order) {
            SlotFiller.Filled filled = SlotFiller.fill(model.candidates().get(a).text(), ticket);
            replies.add(new BestOfN.LibraryReply(a, model.candidates().get(a).replyId(), filled.text(), filled.openSlots()));
        }
        return replies;
    }

    private List<GroundingPassage> passages(String ticket, ServingModel model, float[] vector) {
        if (!grounding.available()) {
            return List.of();
        }
        try {
            return grounding.passagesFor(ticket, model.encoder(), vector, config.passages());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not search the knowledge base; drafting without passages");
            return List.of();
        }
    }
}
