package dev.loopwise.model.registry;

import dev.loopwise.common.Counts;
import dev.loopwise.model.intent.IntentHead;
import java.util.List;
import java.util.Optional;

/**
 * The one thing a support lead should do next on the Models page, in words: train the first version, wait
 * for the running training, promote a candidate that answers more held-out tickets right (when the
 * difference is larger than the held-out set can produce by chance), or collect judgements for a round.
 */
final class ModelsNextStep {
    private ModelsNextStep() {
    }

    static String of(List<ModelVersion> newestFirst, List<TrainingRun> recentRuns) {
        return of(newestFirst, recentRuns, java.util.Map.of());
    }

    static String of(List<ModelVersion> newestFirst, List<TrainingRun> recentRuns, java.util.Map<String, Long> labelled) {
        return of(newestFirst, recentRuns, labelled, -1);
    }

    /**
     * {@code labelled}: labelled tickets by intent name, to tell intents the active version never learned;
     * {@code libraryReplies}: replies in the library (negative: not known), since a first version trained on an empty
     * library learns no way to pick a reply and would answer no customer.
     */
    static String of(List<ModelVersion> newestFirst, List<TrainingRun> recentRuns, java.util.Map<String, Long> labelled,
                     long libraryReplies) {
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
        if (newer.isPresent()) {
            return compare(newer.get(), current);
        }
        // The version that answered before, if it did better: the admin may have promoted on a hunch, or on one figure.
        Optional<ModelVersion> before = newestFirst.stream().filter(v -> v.version != current.version && v.activatedAt != null
                && !v.status.equals(ModelVersion.REJECTED)).max(java.util.Comparator.comparing(v -> v.activatedAt));
        if (before.isPresent() && prefers(before.get(), current)) {
            return "v" + current.version + " answers customers, but the version before it did better. " + compare(before.get(), current);
        }
        if (current.learnedNoReplyChoice()) {
            return "v" + current.version + " answers customers, but it learned no way to pick a reply: when it was trained the library"
                    + " had no replies for its intents, or its tickets no agents' replies. Check on Replies that every intent has one (or"
                    + " propose them from the agents' answers there), then train a new version above: rounds improve how it picks.";
        }
        // Intents labelled since it was trained (a new topic made one on Drift): the Overview asks for a training; so must this page.
        List<String> unknown = current.learnedIntents().isEmpty() ? List.of() : labelled.entrySet().stream()
                .filter(e -> e.getValue() > 0 && !current.learnedIntents().contains(e.getKey())
                        && !e.getKey().equals(ModelTrainer.OUT_OF_SCOPE_LABEL)).map(java.util.Map.Entry::getKey).toList();
        if (!unknown.isEmpty()) {
            List<String> thin = unknown.stream().filter(name -> labelled.get(name) < ModelTrainer.TICKETS_PER_NEW_INTENT)
                    .map(name -> name + " (it has " + labelled.get(name) + ")").toList();
            return "v" + current.version + " answers customers, but it never learned " + Counts.of(unknown.size(), "intent") + " your"
                    + " tickets now have (" + VersionIntents.listed(unknown) + "): it gives their tickets another intent's reply. "
                    + (thin.isEmpty() ? "Train a new version above: it learns them; promote it when its page says so."
                    : "Label at least " + ModelTrainer.TICKETS_PER_NEW_INTENT + " tickets of " + (thin.size() == 1 ? "" : "each of ")
                    + String.join(", ", thin) + " on Tickets, then train a new version above; promote it when its page says so.");
        }
        String tune = IntentHead.FINETUNE.equals(current.regime) ? ""
                : " You can also try fine-tuning the reading model on your tickets (choose it under How to learn): this page then says "
                + "whether it answers more held-out tickets right.";
        boolean newest = newestFirst.get(0).version == current.version;
        // A high accuracy reads as "safe", though a version that never learned what to hand over answers everything.
        boolean handsNothingOver = !current.learnedIntents().isEmpty() && !current.learnedIntents().contains(ModelTrainer.OUT_OF_SCOPE_LABEL);
        return "v" + current.version + " answers customers" + (newest ? " and is the newest version" : "")
                + (handsNothingOver ? ". It hands no request to a person: without tickets of the intent oos (requests your team does"
                + " not handle) it answers even an unrelated question with some intent's reply; import a few dozen such requests"
                + " labelled oos and train again" : "")
                + ". Next: have reviewers judge replies on Review, "
                + "then run a round on Rounds to improve the replies; train again here after importing more tickets." + tune;
    }

    /** A version's own page: whether to promote it, go back to it, or leave it. */
    static String forVersion(ModelVersion version, ModelVersion active) {
        if (active == null) {
            return "No version answers customers yet: promote this one on Models.";
        }
        if (active.version == version.version) {
            Object round = version.lineage == null ? null : version.lineage.get("alignmentRound");
            return "v" + version.version + " answers customers. " + (round != null && metric(version, "intent/accuracy") == null
                    ? "It comes from round " + round + ", whose page shows how its replies compare, on tickets it never trained on."
                    : "Its figures below were measured on tickets it never trained on.");
        }
        return compare(version, active);
    }

    /**
     * Accuracy on each version's held-out tickets — the Accuracy column of the table, hand-overs included — with a
     * two-standard-error band as "too close to call".
     */
    static String compare(ModelVersion candidate, ModelVersion active) {
        if (candidate.checksum != null && candidate.checksum.equals(active.checksum)) {
            // Trained again on unchanged data: the same stored model, so there is nothing to weigh.
            return "v" + candidate.version + " is the very same model as v" + active.version + " (trained again on unchanged data):"
                    + " promoting it would change nothing. Keep v" + active.version + ".";
        }
        Object round = candidate.lineage == null ? null : candidate.lineage.get("alignmentRound");
        if (round != null && metric(candidate, "intent/accuracy") == null) {
            return RoundVersionAdvice.fromRound(candidate, active, round);
        }
        if (RoundVersionAdvice.roundVersion(active) && metric(active, "intent/accuracy") == null) {
            return RoundVersionAdvice.againstRound(candidate, active);
        }
        Double a = metric(candidate, "intent/accuracy");
        Double b = metric(active, "intent/accuracy");
        Double n = metric(candidate, "data/test_tickets");
        if (a == null || b == null || n == null || n < 1) {
            return "v" + candidate.version + " has no held-out tickets to compare it on: keep v" + active.version
                    + " unless you have checked v" + candidate.version + " yourself.";
        }
        double p = (a + b) / 2;
        double band = 2 * Math.sqrt(2 * p * (1 - p) / n);
        String figures = String.format("v%d gets %.1f%% of %d held-out tickets' intents right, the active v%d %.1f%%", candidate.version,
                a * 100, n.intValue(), active.version, b * 100) + differentTickets(n, metric(active, "data/test_tickets"));
        String switchTo = (candidate.activatedAt != null ? "roll back to v" : "promote v") + candidate.version;
        // Each is measured on its own held-out tickets: a version that never learned an intent is not measured on it at all.
        List<String> onlyCandidate = VersionIntents.missing(active, candidate);
        if (!onlyCandidate.isEmpty() && !(b - a > band)) {
            String knows = "v" + candidate.version + " knows " + Counts.of(onlyCandidate.size(), "intent") + " the active v" + active.version
                    + " never learned (" + VersionIntents.listed(onlyCandidate) + "): v" + active.version + " gives those tickets another"
                    + " intent's reply. " + figures;
            if (Long.valueOf(0).equals(VersionIntents.heldOutOf(candidate, onlyCandidate))) {
                // Every ticket of those intents was trained on: the figures cannot show how well it answers them.
                return knows + ". None of " + (onlyCandidate.size() == 1 ? "its" : "their") + " tickets was kept aside to test v"
                        + candidate.version + " on, so how well it answers them is not measured." + outOfScopeDrop(candidate, active)
                        + " To measure it, label a few more of " + (onlyCandidate.size() == 1 ? "its" : "their") + " tickets and train"
                        + " again; " + switchTo + " below if customers need " + (onlyCandidate.size() == 1 ? "it" : "them") + " answered now.";
            }
            String drop = outOfScopeDrop(candidate, active);
            if (!drop.isEmpty()) {
                // New intents answered, at the price of answering what support does not handle: the lead weighs that, not us.
                return knows + "." + drop + " Weigh the two before you " + switchTo + "; training again after labelling more tickets"
                        + " of the new intents often gives both.";
            }
            return knows + ": " + switchTo + " below.";
        }
        List<String> onlyActive = VersionIntents.missing(candidate, active);
        if (!onlyActive.isEmpty() && !(a - b > band)) {
            return "v" + candidate.version + " does not know " + Counts.of(onlyActive.size(), "intent") + " the active v" + active.version
                    + " answers (" + VersionIntents.listed(onlyActive) + "). " + figures + ": keep v" + active.version + ".";
        }
        if (a - b > band) {
            return figures + ": " + switchTo + " below." + replyAgreementDrop(candidate, active, n)
                    + outOfScopeDrop(candidate, active);
        }
        if (b - a > band) {
            return figures + ": keep v" + active.version + "; v" + candidate.version + " is worse.";
        }
        String drop = outOfScopeDrop(candidate, active);
        if (!drop.isEmpty()) {
            return figures + String.format(", too close to call on %d tickets.", n.intValue()) + drop + " Keep v" + active.version + ".";
        }
        String gain = outOfScopeGain(candidate, active);
        if (!gain.isEmpty()) {
            return figures + String.format(", too close to call on %d tickets.", n.intValue()) + gain + " So " + switchTo + ".";
        }
        return figures + String.format(": too close to call on %d tickets (a difference under %.1f points can be chance). Keep v%d, "
                + "or import more labelled tickets and train again.", n.intValue(), band * 100, active.version);
    }

    /**
     * Whether {@link #compare} advises switching to {@code candidate}: more intents right beyond chance, or as many and
     * more out-of-scope requests handed over beyond chance. Symmetric, so the advice does not flip with which one is active.
     */
    static boolean prefers(ModelVersion candidate, ModelVersion active) {
        if (RoundVersionAdvice.roundVersion(active) && metric(active, "intent/accuracy") == null) {
            return RoundVersionAdvice.againstRound(candidate, active).endsWith(((candidate.activatedAt != null ? "roll back to v" : "promote v")
                    + candidate.version) + ".");
        }
        Double a = metric(candidate, "intent/accuracy");
        Double b = metric(active, "intent/accuracy");
        Double n = metric(candidate, "data/test_tickets");
        if (a == null || b == null || n == null || n < 1) {
            return false;
        }
        double p = (a + b) / 2;
        double band = 2 * Math.sqrt(2 * p * (1 - p) / n);
        if (!VersionIntents.missing(active, candidate).isEmpty() && !(b - a > band)) {
            return true;
        }
        if (!VersionIntents.missing(candidate, active).isEmpty() && !(a - b > band)) {
            return false;
        }
        return a - b > band || (Math.abs(a - b) <= band && outOfScopeDrop(candidate, active).isEmpty()
                && !outOfScopeGain(candidate, active).isEmpty());
    }

    /** Two versions measured on held-out sets of different sizes (labelled tickets were added in between). */
    private static String differentTickets(double candidateTickets, Double activeTickets) {
        return activeTickets == null || activeTickets.intValue() == (int) candidateTickets ? ""
                : String.format(" (measured on its own %d held-out tickets: labelled tickets were added in between, so small"
                + " differences mean even less)", activeTickets.intValue());
    }

    /** The mirror of {@link #outOfScopeDrop}: the candidate hands over more out-of-scope requests, beyond chance. */
    private static String outOfScopeGain(ModelVersion candidate, ModelVersion active) {
        return outOfScopeChange(candidate, active, true);
    }

    /** A warning when the candidate hands over fewer out-of-scope requests, by more than chance on the held-out ones. */
    private static String outOfScopeDrop(ModelVersion candidate, ModelVersion active) {
        return outOfScopeChange(candidate, active, false);
    }

    private static String outOfScopeChange(ModelVersion candidate, ModelVersion active, boolean gain) {
        Double a = metric(candidate, "intent/oos_recall");
        Double b = metric(active, "intent/oos_recall");
        Double n = metric(candidate, "data/oos_test_tickets");
        if (n == null || !(gain ? dropBeyondChance(b, a, n) : dropBeyondChance(a, b, n))) {
            return "";
        }
        return gain ? String.format(" But it hands %.1f%% of the %d held-out out-of-scope tickets (requests your team does not"
                + " handle) to a person, the active version only %.1f%%.", a * 100, n.intValue(), b * 100)
                : String.format(" Careful: it hands only %.1f%% of the %d held-out out-of-scope tickets (requests your team does not"
                + " handle) to a person, the active version %.1f%%, so more of those customers would get a reply.", a * 100, n.intValue(), b * 100);
    }

    /** A warning when the candidate picks the agents' replies less often, by more than chance on these tickets. */
    private static String replyAgreementDrop(ModelVersion candidate, ModelVersion active, double n) {
        Double a = metric(candidate, "policy/agent_agreement");
        Double b = metric(active, "policy/agent_agreement");
        // Measured only on the held-out tickets with an agent's reply: fewer than all of them, so a wider band of chance.
        Double withReply = metric(candidate, "policy/agent_agreement_tickets");
        return dropBeyondChance(a, b, withReply != null ? withReply : n) ? String.format(" But check its replies first: it picks the reply your agents chose less often "
                + "(%.1f%% against %.1f%%).", a * 100, b * 100) : "";
    }

    /** {@code after} is below {@code before} by more than two standard errors of the difference of two rates on n tickets. */
    static boolean dropBeyondChance(Double after, Double before, double n) {
        if (after == null || before == null || n < 1) {
            return false;
        }
        double p = (after + before) / 2;
        return before - after > Math.max(2 * Math.sqrt(2 * p * (1 - p) / n), 1e-9);
    }

    static Double metric(ModelVersion version, String name) {
        return version.metrics != null && version.metrics.get(name) instanceof Number number ? number.doubleValue() : null;
    }
}
