package dev.loopwise.admin;

import dev.loopwise.alignment.round.LatestRounds;
import dev.loopwise.common.RoundMessages;
import dev.loopwise.common.db.RowCounts;
import dev.loopwise.common.text.Counts;
import dev.loopwise.llm.LlmFigures;
import dev.loopwise.model.registry.NewIntentAdvice;
import dev.loopwise.model.registry.VersionIntents;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.training.TrainingConfig;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.judging.ReviewNextStep;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guided first week on the admin overview: import → train → review → first round → watch drift.
 * Each step says whether it is done, the counts that matter, and what to do next, in plain words.
 * Every figure comes from a count or a single newest row, so the page stays fast as history grows.
 */
@ApplicationScoped
public class FirstWeek {
    /** Labelled tickets per intent below which a trained model is mostly guessing. */
    static final int TICKETS_PER_INTENT = ModelTrainer.TICKETS_PER_NEW_INTENT;
    /** Judgements after which a first round has a fair chance to decide (its gates abstain below that), as Review quality says. */
    static final int FIRST_ROUND_JUDGEMENTS = ReviewNextStep.FIRST_ROUND_JUDGEMENTS;
    /** Answers in the last hour before a failing LLM is called failing: one timeout is no outage. */
    static final int LLM_FAILING_EVIDENCE = 5;
    /** Where Overview sends the lead to see which reviewers answer too fast. */
    static final String ON_REVIEW_QUALITY = RoundMessages.ON_REVIEW_QUALITY;

    @Inject
    EntityManager em;
    @Inject
    ReviewStats reviewStats;
    @Inject
    LlmFigures llm;
    @Inject
    TrainingConfig training;
    @Inject
    NewTopicAttention newTopics;

    /** One step: its title, whether it is done, what the counts say, what to do, and where. */
    public record Step(String title, boolean done, String status, String action, String href) {
    }

    public record Guide(List<Step> steps, Step next) {
    }

    /** The steps, counting the labelled tickets by intent first. */
    @Transactional
    public Guide guide() {
        return guide(Ticket.countsByIntent(), Intent.listByName());
    }

    /**
     * The steps, given the labelled tickets by intent id and the workspace's intents (the overview has read both already):
     * the labelled total, the intents that have any, and those with enough to learn from follow from them.
     */
    @Transactional
    public Guide guide(Map<Long, Long> ticketCounts, List<Intent> all) {
        return guide(ticketCounts, all, "/review");
    }

    /** As {@link #guide(Map, List)}, naming the reviewers' page by the address the lead reached Loopwise at, to send on. */
    @Transactional
    public Guide guide(Map<Long, Long> ticketCounts, List<Intent> all, String reviewAddress) {
        long labelled = ticketCounts.values().stream().mapToLong(Long::longValue).sum();
        long intents = ticketCounts.size();
        List<String> labelledIntents = all.stream().filter(i -> ticketCounts.getOrDefault(i.id, 0L) > 0).map(i -> i.name).toList();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Import labelled tickets", intents >= 2 && labelled >= TICKETS_PER_INTENT * intents,
                labelled == 0 ? "No labelled tickets yet." : Counts.of(labelled, "labelled ticket") + " in " + Counts.of(intents, "intent") + ".",
                "Import a CSV or JSONL file of past tickets with the intent each one had (at least " + TICKETS_PER_INTENT
                        + " per intent; from " + training.minTrainedExamples() + " on, the model learns an intent well, as the Intents"
                        + " page counts), and the replies your agents sent.", "/admin/import"));
        Optional<ModelVersion> active = ModelVersion.findActive();
        boolean training = TrainingRun.oldestUnfinished().isPresent();
        // Intents labelled since the active version was trained: it gives their tickets another intent's reply. A new intent
        // with a ticket or two is learned from too little, one without a reply has nothing to answer with: those come first.
        Map<String, Long> byName = new LinkedHashMap<>();
        all.forEach(i -> byName.put(i.name, ticketCounts.getOrDefault(i.id, 0L)));
        Optional<NewIntentAdvice> advice = active.map(v -> NewIntentAdvice.of(v, byName, intentsWithoutReply(Integer.MAX_VALUE)));
        List<String> unknown = advice.map(NewIntentAdvice::unknown).orElse(List.of());
        List<String> thin = advice.map(NewIntentAdvice::thin).orElse(List.of());
        List<String> unreplied = advice.map(NewIntentAdvice::unreplied).orElse(List.of());
        Step writeReplies = null;
        boolean withoutPolicy = active.map(ModelVersion::learnedNoReplyChoice).orElse(false);
        if ((active.isEmpty() || withoutPolicy) && !training) {
            // A first version learns to choose among the library's replies: trained before there are any, it has no reply
            // policy, and rounds have nothing to improve.
            List<String> withoutReply = intentsWithoutReply(Integer.MAX_VALUE);
            List<String> silent = labelledIntents.stream().filter(withoutReply::contains).toList();
            if (!silent.isEmpty()) {
                writeReplies = new Step(active.isEmpty() ? "Write replies, then train the first model" : "Write replies, then train again", false,
                        active.map(v -> "Version " + v.version + " answers customers, but it learned no way to pick a reply: the tickets of"
                                + " intents without one are handed to a person. ").orElse("") + Counts.of(silent.size(), "intent") + " of your"
                        + " tickets " + (silent.size() == 1 ? "has" : "have") + " no reply in the library ("
                        + VersionIntents.listed(silent) + ").", "On Replies, write at least one reply for each of these intents, or"
                        + " press Propose replies from the agents' answers there and accept them on Review quality; then press Train on"
                        + " Models" + (active.isEmpty() ? "" : " again") + ": a version learns to choose among the library's replies, so it needs them first.",
                        "/admin/replies");
            }
        }
        steps.add(writeReplies != null ? writeReplies : new Step(unknown.isEmpty() ? "Train the first model"
                : "Train again for the new intent" + (unknown.size() == 1 ? "" : "s"), active.isPresent() && unknown.isEmpty(),
                active.map(v -> "Version " + v.version + " answers customers" + (unknown.isEmpty()
                        ? " (see what it answers on Try a ticket)." : ", but it never learned "
                        + Counts.of(unknown.size(), "intent") + " your tickets now have (" + VersionIntents.listed(unknown)
                        + "): it gives " + (unknown.size() == 1 ? "its" : "their") + " tickets another intent's reply."))
                        .orElse("No version answers yet."),
                training ? "A training is running now: follow it on Models (the first version answers customers as soon as it is ready)."
                        : !thin.isEmpty() ? "Label at least " + TICKETS_PER_INTENT + " tickets of " + (thin.size() == 1 ? "" : "each of ")
                        + VersionIntents.listed(thin) + " (Tickets page), then press Train on Models: the new version"
                        + " learns the new intent" + (unknown.size() == 1 ? "" : "s") + "; promote it when its page says so."
                        : !unreplied.isEmpty() ? "On Replies, write a reply for " + VersionIntents.listed(unreplied) + ", then press Train"
                        + " on Models: a version learns to choose among the library's replies, so a new intent needs one first."
                        : !unknown.isEmpty() ? "On Models, press Train: the new version learns the new intent" + (unknown.size() == 1 ? "" : "s")
                        + "; promote it when its page says so."
                        : "On Models, press Train: Loopwise learns your intents and replies from the labelled tickets (a few seconds to minutes).",
                "/admin/models"));
        // One rule for the latest round, Review quality's too: a round under way is shown as such, beside the latest finished one.
        LatestRounds rounds = LatestRounds.read();
        // Review quality puts talking to them before any round: a step sending the lead to one must not skip it.
        List<String> tooFast = reviewStats.tooFast();
        steps.add(JudgeStep.of(reviewStats.totals(), rounds, tooFast, reviewAddress));
        steps.add(RoundStep.of(rounds, tooFast));
        long checks = active.map(v -> RowCounts.of(RowCounts.DRIFT_REPORTS, v.version)).orElse(0L);
        long alerts = active.map(v -> RowCounts.of(RowCounts.DRIFT_ALERTS, v.version)).orElse(0L);
        // A change drift found and acted on (items queued, a round proposed) is not done with until the lead has seen it.
        long open = count("select count(*) from monitoring_actions where status in ('pending', 'waiting')");
        steps.add(new Step("Watch for changes in what customers ask", checks > 0 && open == 0,
                checks == 0 ? "No drift checks yet: they run as customers write in." : Counts.of(checks, "check") + " of the active version; "
                        + Counts.of(alerts, "alert") + (open > 0 ? "; " + Counts.of(open, "proposal") + " open" : "") + ".",
                open > 0 ? ReviewNextStep.talkFirst(tooFast, ON_REVIEW_QUALITY, "Customers are asking about something new: open Drift"
                        + " to see what changed, what it queued for reviewers and the round it proposes.")
                        : "Drift checks run by themselves as customers write in; Drift shows what changed and what to do about it.", "/admin/drift"));
        Step next = steps.stream().filter(step -> !step.done()).findFirst().orElse(null);
        return new Guide(steps, next != null ? next : needsAttention(tooFast));
    }

    /**
     * Once the five steps are done, what still needs the lead: a failing LLM, a drift proposal waiting, reviewers answering too
     * fast, a new topic, an intent without a reply.
     */
    Step needsAttention() {
        return needsAttention(reviewStats.tooFast());
    }

    /** {@code tooFast}: the reviewers Review quality marks "very fast", whom to talk to before a proposed round is started. */
    Step needsAttention(List<String> tooFast) {
        // Customers still get answers (from the library) while the LLM fails, so nothing else would show it.
        LlmFigures.Day hour = llm.lastHour();
        if (hour.answered() >= LLM_FAILING_EVIDENCE && hour.fellBack() * 2 >= hour.answered()) {
            return new Step("The team's LLM is not answering", false, hour.fellBack() + " of " + Counts.of(hour.answered(), "answer")
                    + " in the last hour could not use it: the reply library answered instead.",
                    "Open LLM and press Test connection to see why (address, key, model name); fix the settings, or switch drafting"
                            + " off until the LLM is back.", "/admin/llm");
        }
        // Only what the lead can act on now: a proposal still waiting for judgements has no button yet.
        long proposals = count("select count(*) from monitoring_actions where status = 'pending'");
        if (proposals > 0) {
            return new Step("Drift found a change to act on", false, Counts.of(proposals, "proposal") + " waiting.",
                    ReviewNextStep.talkFirst(tooFast, ON_REVIEW_QUALITY, "Customers are asking about something the model was not"
                            + " trained on: open Drift and approve or dismiss what it proposes (review items, or a round)."), "/admin/drift");
        }
        if (!tooFast.isEmpty()) {
            return new Step(RoundMessages.TALK_TO_FAST, false, RoundMessages.fastStatus(tooFast.size()),
                    ReviewNextStep.talkFirst(tooFast, ON_REVIEW_QUALITY, RoundMessages.FAST_THEN), "/admin/review");
        }
        Optional<Step> newTopic = newTopics.step();
        if (newTopic.isPresent()) {
            return newTopic.get();
        }
        List<String> withoutReply = intentsWithoutReply(4);
        if (!withoutReply.isEmpty()) {
            String named = String.join(", ", withoutReply.subList(0, Math.min(3, withoutReply.size())))
                    + (withoutReply.size() > 3 ? " and more" : "");
            return new Step("Give every intent a reply", false, named + " " + (withoutReply.size() == 1 ? "has" : "have") + " none.",
                    "Customers asking about " + named + " cannot get an answer from the library: write a reply for each on Replies,"
                            + " then train a new version on Models.", "/admin/replies");
        }
        return null;
    }

    /** Intents (the out-of-scope one aside) without an active library reply, by name, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    private List<String> intentsWithoutReply(int limit) {
        return em.createNativeQuery("select i.name from intents i where i.name <> ?1 and not exists (select 1 "
                + "from replies r where r.intent_id = i.id and r.status = 'active') order by i.name limit ?2")
                .setParameter(1, ModelTrainer.OUT_OF_SCOPE_LABEL).setParameter(2, limit).getResultList();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
