package dev.loopwise.model.registry;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.text.Counts;
import dev.loopwise.model.registry.ComparisonAdvice.Verdict;
import dev.loopwise.model.registry.version.ModelVersion;
import java.util.List;

/**
 * Whether a support lead should switch from the active version to another: more held-out tickets' intents right
 * than chance can explain, intents one of them never learned, and what each hands over to a person, in words.
 */
final class VersionComparison {
    private VersionComparison() {
    }

    /**
     * Accuracy on each version's held-out tickets — the Accuracy column of the table, hand-overs included — with a
     * two-standard-error band as "too close to call".
     */
    static String compare(ModelVersion candidate, ModelVersion active) {
        return advise(candidate, active).text();
    }

    /** The comparison's verdict and its words, decided together. */
    static ComparisonAdvice advise(ModelVersion candidate, ModelVersion active) {
        if (candidate.checksum != null && candidate.checksum.equals(active.checksum)) {
            // Trained again on unchanged data: the same stored model, so there is nothing to weigh.
            return ComparisonAdvice.of(Verdict.KEEP, "v" + candidate.version + " is the very same model as v" + active.version
                    + " (trained again on unchanged data): promoting it would change nothing. Keep v" + active.version + ".");
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
            return ComparisonAdvice.of(Verdict.NOT_MEASURED, "v" + candidate.version + " has no tickets kept aside for measuring to"
                    + " compare it on: keep v" + active.version + " unless you have checked v" + candidate.version + " yourself.");
        }
        double p = (a + b) / 2;
        double band = 2 * Math.sqrt(2 * p * (1 - p) / n);
        String figures = String.format("v%d gets the intent right for %.1f%% of %d tickets kept aside for measuring, the active v%d %.1f%%", candidate.version,
                a * 100, n.intValue(), active.version, b * 100) + differentTickets(n, metric(active, "data/test_tickets"));
        String switchTo = (candidate.activatedAt != null ? "roll back to v" : "promote v") + candidate.version;
        // Each is measured on its own held-out tickets: a version that never learned an intent is not measured on it at all.
        List<String> onlyCandidate = VersionIntents.missing(active, candidate);
        if (!onlyCandidate.isEmpty() && !(b - a > band)) {
            String knows = "v" + candidate.version + " knows " + Counts.of(onlyCandidate.size(), "intent") + " the active v" + active.version
                    + " never learned (" + VersionIntents.listed(onlyCandidate) + "): v" + active.version + " gives those tickets another"
                    + " intent's reply. " + figures;
            List<String> onlyActive = VersionIntents.missing(candidate, active);
            if (!onlyActive.isEmpty()) {
                // Each knows what the other never learned: neither is advised, so the advice does not flip after a switch.
                return ComparisonAdvice.conditional("v" + candidate.version + " does not know " + VersionIntents.listed(onlyActive),
                        knows + ". But v" + candidate.version + " does not know " + Counts.of(onlyActive.size(), "intent") + " v"
                        + active.version + " answers (" + VersionIntents.listed(onlyActive) + "): it would give those tickets another"
                        + " intent's reply. Weigh which customers matter more before you " + switchTo + ".");
            }
            if (Long.valueOf(0).equals(VersionIntents.heldOutOf(candidate, onlyCandidate))) {
                // Every ticket of those intents was trained on: the figures cannot show how well it answers them.
                return ComparisonAdvice.conditional("how well it answers " + VersionIntents.listed(onlyCandidate) + " is not measured",
                        knows + ". None of " + (onlyCandidate.size() == 1 ? "its" : "their") + " tickets was kept aside to test v"
                        + candidate.version + " on, so how well it answers them is not measured." + outOfScopeDrop(candidate, active)
                        + " To measure it, label a few more of " + (onlyCandidate.size() == 1 ? "its" : "their") + " tickets and train"
                        + " again; " + switchTo + " below if customers need " + (onlyCandidate.size() == 1 ? "it" : "them") + " answered now.");
            }
            String drop = outOfScopeDrop(candidate, active);
            if (!drop.isEmpty()) {
                // New intents answered, at the price of answering what support does not handle: the lead weighs that, not us.
                return ComparisonAdvice.conditional("it hands fewer out-of-scope requests to a person", knows + "." + drop + " Weigh the two before you " + switchTo + "; training again after labelling more tickets"
                        + " of the new intent" + (onlyCandidate.size() == 1 ? "" : "s") + " often gives both.");
            }
            return ComparisonAdvice.of(Verdict.SWITCH, knows + ": " + switchTo + " below.");
        }
        List<String> onlyActive = VersionIntents.missing(candidate, active);
        if (!onlyActive.isEmpty() && !(a - b > band)) {
            return ComparisonAdvice.of(Verdict.KEEP, "v" + candidate.version + " does not know " + Counts.of(onlyActive.size(), "intent")
                    + " the active v" + active.version + " answers (" + VersionIntents.listed(onlyActive) + "). " + figures + ": keep v"
                    + active.version + ".");
        }
        if (a - b > band) {
            String replies = replyAgreementDrop(candidate, active, n);
            String drop = outOfScopeDrop(candidate, active);
            String text = figures + ": " + switchTo + " below." + replies + drop;
            // More intents right, at a price the lead weighs: a page must not open as if the figures settled it.
            return !drop.isEmpty() ? ComparisonAdvice.conditional("it hands fewer out-of-scope requests to a person", text)
                    : !replies.isEmpty() ? ComparisonAdvice.conditional("it picks the reply your agents chose less often", text)
                    : ComparisonAdvice.of(Verdict.SWITCH, text);
        }
        if (b - a > band) {
            return ComparisonAdvice.of(Verdict.KEEP, figures + ": keep v" + active.version + "; v" + candidate.version + " is worse.");
        }
        String drop = outOfScopeDrop(candidate, active);
        if (!drop.isEmpty()) {
            return ComparisonAdvice.of(Verdict.KEEP, figures + String.format(", too close to call on %d tickets.", n.intValue()) + drop
                    + " Keep v" + active.version + ".");
        }
        String gain = outOfScopeGain(candidate, active);
        if (!gain.isEmpty()) {
            return ComparisonAdvice.of(Verdict.SWITCH, figures + String.format(", too close to call on %d tickets.", n.intValue()) + gain
                    + " So " + switchTo + ".");
        }
        return ComparisonAdvice.of(Verdict.UNDECIDED, figures + String.format(": too close to call on %d tickets (a difference under %.1f"
                + " points can be chance).", n.intValue(), band * 100)
                + LifecycleMessages.keepUntilDecided(active.version, Math.abs(a - b), moreLabelledToDecide(a, b, n)));
    }

    /**
     * About how many more labelled tickets would tell the two apart if the gap seen held: the held-out tickets at which the
     * gap leaves the band, five labelled for each, since an import keeps one in five aside. 0 when no number of tickets
     * would (a gap under half a point).
     */
    static long moreLabelledToDecide(double a, double b, double heldOut) {
        double gap = Math.abs(a - b);
        if (gap < 0.005) {
            return 0;
        }
        double p = (a + b) / 2;
        double needed = 8 * p * (1 - p) / (gap * gap);
        // Less a hair: 222.00000000000003 tickets needed is 222, not 223.
        return Math.max(1, (long) Math.ceil((needed - heldOut) * 5 - 1e-9));
    }

    /**
     * Whether {@link #compare} advises switching to {@code candidate}, read from its verdict so that a button is never
     * marked as advised where the page leaves the choice to the lead. Never true both ways: where each version knows an
     * intent the other never learned, neither is advised, so the advice does not flip with which one is active.
     */
    static boolean prefers(ModelVersion candidate, ModelVersion active) {
        return advise(candidate, active).verdict() == Verdict.SWITCH;
    }

    /** Two versions measured on held-out sets of different sizes (labelled tickets were added in between). */
    private static String differentTickets(double candidateTickets, Double activeTickets) {
        return activeTickets == null || activeTickets.intValue() == (int) candidateTickets ? ""
                : String.format(" (measured on its own %d tickets kept aside for measuring: labelled tickets were added in between, so small"
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
        return gain ? String.format(" But it hands %.1f%% of the %d out-of-scope tickets kept aside for measuring (requests your team does not"
                + " handle) to a person, the active version only %.1f%%.", a * 100, n.intValue(), b * 100)
                : String.format(" Careful: it hands only %.1f%% of the %d out-of-scope tickets kept aside for measuring (requests your team does not"
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
