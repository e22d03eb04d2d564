package dev.loopwise.model.registry;

import dev.loopwise.common.VersionPageMessages;
import dev.loopwise.common.text.Counts;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.registry.ComparisonAdvice.Verdict;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.version.ModelVersion;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one thing a support lead should do next on the Models page, in words: train the first version, wait
 * for the running training, promote a candidate that answers more held-out tickets right (when the
 * difference is larger than the held-out set can produce by chance), or collect judgements for a round.
 */
final class ModelsNextStep {
    static final String ACTIVE_NEXT = " Next: see what customers get on Try a ticket, have reviewers judge its replies on Review, and"
            + " run a round on Rounds once it says enough are judged; label more tickets of the intents it confuses most, then"
            + " train again.";

    private ModelsNextStep() {
    }

    static String of(List<ModelVersion> newestFirst, List<TrainingRun> recentRuns) {
        return of(newestFirst, recentRuns, Map.of());
    }

    static String of(List<ModelVersion> newestFirst, List<TrainingRun> recentRuns, Map<String, Long> labelled) {
        return of(newestFirst, recentRuns, labelled, -1);
    }

    /**
     * {@code labelled}: labelled tickets by intent name, to tell intents the active version never learned;
     * {@code libraryReplies}: replies in the library (negative: not known), since a first version trained on an empty
     * library learns no way to pick a reply and would answer no customer.
     */
    static String of(List<ModelVersion> newestFirst, List<TrainingRun> recentRuns, Map<String, Long> labelled,
                     long libraryReplies) {
        return of(newestFirst, recentRuns, labelled, libraryReplies, null);
    }

    /** {@code roundStep}: the latest round's page's next step while it could not decide yet, null otherwise. */
    static String of(List<ModelVersion> newestFirst, List<TrainingRun> recentRuns, Map<String, Long> labelled,
                     long libraryReplies, String roundStep) {
        return of(newestFirst, recentRuns, labelled, libraryReplies, roundStep, List.of());
    }

    /** {@code withoutReply}: the intents with no reply in the library, whose new ones need one before a training. */
    static String of(List<ModelVersion> newestFirst, List<TrainingRun> recentRuns, Map<String, Long> labelled,
                     long libraryReplies, String roundStep, Collection<String> withoutReply) {
        Optional<ModelVersion> active = newestFirst.stream().filter(v -> v.status.equals(ModelVersion.ACTIVE)).findFirst();
        if (recentRuns.stream().anyMatch(r -> !r.finished())) {
            return "A training is running; this page follows it. " + (active.isPresent() ? "The active version keeps answering meanwhile."
                    : newestFirst.isEmpty() ? "The first version answers customers as soon as it is ready."
                    : "No version answers customers yet: the new one can be promoted once it is ready.");
        }
        if (newestFirst.isEmpty() && labelled.isEmpty() && libraryReplies >= 0) {
            return "Import labelled tickets on Import first: the first version learns your intents from them, so a training now"
                    + " would stop with no intent to learn.";
        }
        if (newestFirst.isEmpty() && libraryReplies == 0) {
            return "Add replies to the library before the first training: a version learns to pick one of the library's replies"
                    + " for each ticket, and one trained on an empty library could answer no customer. Write one per intent on"
                    + " Replies, or let Loopwise propose them from your agents' answers there, accept them on Review quality,"
                    + " then train the first version here.";
        }
        if (active.isEmpty()) {
            return newestFirst.isEmpty()
                    ? "Train the first version: it learns your intents from the labelled tickets (if there are none yet, import them on"
                    + " Import first)."
                    : "No version answers customers yet: promote one below.";
        }
        ModelVersion current = active.get();
        // A version a round rejected is no candidate: its round page says why.
        Optional<ModelVersion> newer = newestFirst.stream()
                .filter(v -> v.version > current.version && !v.status.equals(ModelVersion.REJECTED)).findFirst();
        // Asked before the comparisons: after a roll back the version rolled back from is newer, and its advice alone
        // would hide that customers of an intent labelled since get another intent's reply whichever of the two answers.
        List<String> unknown = NewIntentAdvice.of(current, labelled, withoutReply).unknown();
        String neverLearned = neverLearned(current, labelled, withoutReply);
        if (newer.isPresent()) {
            return bothSaid(neverLearned, unknown, newer.get(), VersionComparison.compare(newer.get(), current));
        }
        // The version that answered before, if it did better: the admin may have promoted on a hunch, or on one figure.
        Optional<ModelVersion> before = newestFirst.stream().filter(v -> v.version != current.version && v.activatedAt != null
                && !v.status.equals(ModelVersion.REJECTED)).max(Comparator.comparing(v -> v.activatedAt));
        // Weighed once: each weighing may count held-out tickets in the database.
        ComparisonAdvice back = before.map(b -> VersionComparison.advise(b, current)).orElse(null);
        // Only a clear verdict names it: on a price to weigh, the version's own page leaves the choice to the lead.
        String goBack = back != null && back.verdict() == Verdict.SWITCH ? back.text() : null;
        // A version that cannot pick a reply answers no one well, whichever version did better before it.
        if (current.learnedNoReplyChoice()) {
            return "v" + current.version + " answers customers, but it learned no way to pick a reply: when it was trained the library"
                    + " had no replies for its intents, or its tickets no agents' replies. Check on Replies that every intent has one (or"
                    + " propose them from the agents' answers there), then train a new version above: rounds improve how it picks.";
        }
        if (goBack != null && neverLearned != null) {
            // Going back settles both when the version before knows the intents labelled since: say that, not "train".
            return knowsAll(before.get(), unknown) ? "v" + current.version + " answers customers, but the version before it did better. " + goBack
                    : bothSaid(neverLearned, unknown, before.get(), "it did better than v" + current.version + ". " + goBack);
        }
        if (neverLearned != null) {
            return neverLearned;
        }
        String tune = IntentHead.FINETUNE.equals(current.regime) ? ""
                : " You can also try fine-tuning the reading model on your tickets (choose it under How to learn): this page then says "
                + "whether it gets more right of the tickets kept aside to check versions on.";
        boolean newest = newestFirst.get(0).version == current.version;
        // A high accuracy reads as "safe", though a version that never learned what to hand over answers everything.
        boolean handsNothingOver = !current.learnedIntents().isEmpty() && !current.learnedIntents().contains(ModelTrainer.OUT_OF_SCOPE_LABEL);
        String hands = handsNothingOver ? ". It hands no request to a person: without tickets of the intent oos (requests your team does"
                + " not handle) it answers even an unrelated question with some intent's reply; import a few dozen such requests"
                + " labelled oos and train again" : "";
        if (goBack != null) {
            // What the active version lacks and the round's step come first: going back does not settle either.
            String said = hands + (roundStep != null ? ". " + roundStep : hands.isEmpty() ? "" : ".");
            return "v" + current.version + " answers customers" + (said.isEmpty() ? ", but the version before it did better. "
                    : said + " The version before it did better. ") + goBack;
        }
        return "v" + current.version + " answers customers" + (newest ? " and is the newest version" : "") + hands
                + (roundStep != null ? ". " + roundStep
                : ". Next: have reviewers judge replies on Review, then run a round on Rounds to improve the replies; train again"
                + " here after importing more tickets.") + tune;
    }

    /**
     * The active version never learned an intent labelled since it was trained, and the other version it is weighed
     * against does not know it either: that comes first, since switching does not help those customers; then the other.
     */
    private static String bothSaid(String neverLearned, List<String> unknown, ModelVersion other, String comparison) {
        if (neverLearned == null || knowsAll(other, unknown)) {
            // Switching to it teaches those intents: its comparison names them.
            return comparison;
        }
        String which = other.activatedAt != null ? "v" + other.version + " (it answered customers before)" : "v" + other.version;
        return neverLearned + " As for " + which + ": " + comparison;
    }

    private static boolean knowsAll(ModelVersion other, List<String> unknown) {
        List<String> learned = other.learnedIntents();
        return !learned.isEmpty() && learned.containsAll(unknown);
    }

    /** Intents labelled since it was trained (a new topic made one on Drift): the Overview asks for a training; so must this page. */
    private static String neverLearned(ModelVersion current, Map<String, Long> labelled, Collection<String> withoutReply) {
        NewIntentAdvice advice = NewIntentAdvice.of(current, labelled, withoutReply);
        List<String> unknown = advice.unknown();
        if (unknown.isEmpty()) {
            return null;
        }
        List<String> thin = advice.thin().stream().map(name -> name + " (it has " + labelled.get(name) + ")").toList();
        boolean one = unknown.size() == 1;
        return "v" + current.version + " answers customers, but it never learned " + Counts.of(unknown.size(), "intent") + " your"
                + " tickets now have (" + VersionIntents.listed(unknown) + "): it gives " + (one ? "its" : "their")
                + " tickets another intent's reply. "
                + switch (advice.step()) {
                    case LABEL_MORE -> "Label at least " + ModelTrainer.TICKETS_PER_NEW_INTENT + " tickets of "
                            + (thin.size() == 1 ? "" : "each of ") + String.join(", ", thin)
                            + " on Tickets, then train a new version above; promote it when its page says so.";
                    case WRITE_REPLY -> "Write a reply for " + VersionIntents.listed(advice.unreplied()) + " on Replies, then train a"
                            + " new version above: a version learns to choose among the library's replies, so a new intent needs one"
                            + " first; promote it when its page says so.";
                    case TRAIN -> "Train a new version above: it learns " + (one ? "it" : "them") + "; promote it when its page says so.";
                };
    }

    /** A version's own page: whether to promote it, go back to it, or leave it. */
    static String forVersion(ModelVersion version, ModelVersion active) {
        return forVersion(version, active, active == null || active.version == version.version ? null
                : VersionComparison.advise(version, active));
    }

    /** {@code advice}: the comparison with {@code active}, weighed once for the whole page (null for the active one itself). */
    static String forVersion(ModelVersion version, ModelVersion active, ComparisonAdvice advice) {
        if (active == null) {
            return "No version answers customers yet: promote this one on Models.";
        }
        if (active.version == version.version) {
            Object round = version.lineage == null ? null : version.lineage.get("alignmentRound");
            if (round == null && ModelFormats.count(version, "data/test_tickets") == 0) {
                // Trained on so few tickets that none was kept aside: "measured on tickets it never trained on" would be untrue.
                String why = ModelFormats.count(version, "data/test_seen_tickets") > 0
                        ? "every ticket kept aside for measuring was in the words of a ticket it trained on, so it learned from them"
                        : "its intents had too few labelled tickets to keep any aside for measuring";
                // About one ticket in five is kept aside, by its words: more tickets make some likely, never certain.
                return "v" + version.version + " answers customers, but it has no figures: " + why + ". Import more labelled tickets"
                        + " (5 or more per intent make some likely to be kept aside) on Import, then train again on Models.";
            }
            // Saying which version answers is no step: the lead came here to learn what to do with it.
            return "v" + version.version + " answers customers. " + (round != null && VersionComparison.metric(version, "intent/accuracy") == null
                    ? "It comes from round " + round + ", whose page shows how its replies compare, on tickets it never trained on."
                    : "Its figures below were measured on tickets it never trained on.") + ACTIVE_NEXT;
        }
        if (version.weightsRemovedAt != null) {
            return "v" + version.version + " can no longer answer customers: its weights were removed because it is older than the"
                    + " versions kept (LOOPWISE_MODEL_VERSIONS_KEEP_WEIGHTS). Its figures stay here to compare with; to serve"
                    + " something like it, train a new version on Models.";
        }
        return againstActive(version, active, advice);
    }

    /**
     * Another version's page: the comparison is worded for the Models list ("…, the active v2 80.5%: keep v2"), which on
     * this version's own page read as advice about something else. What to do here comes first, from the comparison's
     * verdict, in the words of the button below it; two never measured against each other are said as they are.
     */
    private static String againstActive(ModelVersion version, ModelVersion active, ComparisonAdvice advice) {
        boolean servedBefore = version.activatedAt != null;
        return switch (advice.verdict()) {
            case SWITCH -> VersionPageMessages.switchAdvised(version.version, active.version, servedBefore);
            case KEEP -> VersionPageMessages.nothingToSwitch(version.version, active.version, servedBefore);
            case UNDECIDED -> VersionPageMessages.notShownBetterYet(version.version, active.version, servedBefore);
            case CONDITIONAL -> VersionPageMessages.switchDependsOn(version.version, servedBefore, advice.reason());
            case NOT_MEASURED -> "";
        } + advice.text();
    }
}
