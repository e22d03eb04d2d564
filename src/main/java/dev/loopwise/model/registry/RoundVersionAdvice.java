package dev.loopwise.model.registry;

import dev.loopwise.model.registry.ComparisonAdvice.Verdict;
import dev.loopwise.model.registry.version.ModelVersion;

/**
 * The advice on Models for versions an alignment round made: a round keeps its base's intents and changes which replies
 * are chosen, so its own comparison with that base (replies fitting the ticket's intent, and its gates) is the one there is.
 */
final class RoundVersionAdvice {
    private RoundVersionAdvice() {
    }

    /** A round's version has its base's intents and other replies: its round measured those, on its own held-out tickets. */
    static ComparisonAdvice fromRound(ModelVersion candidate, ModelVersion active, Object round) {
        Double mine = VersionComparison.metric(candidate, "eval/candidate_reply_intent");
        Double base = VersionComparison.metric(candidate, "eval/active_reply_intent");
        Double n = VersionComparison.metric(candidate, "eval/reply_intent_tickets");
        String measured = mine == null || base == null || n == null ? "" : String.format(" On %d tickets kept aside for measuring its replies fit the"
                + " ticket's intent %.0f%% of the time, the version it started from %.0f%%.", n.intValue(), mine * 100, base * 100);
        // A version promoted by hand and rolled back from is no longer "rejected", but its round's verdict stands; and its
        // button there reads "Roll back to it", so the advice names that, not "Promote".
        boolean notShownBetter = candidate.status.equals(ModelVersion.REJECTED)
                || (candidate.lineage != null && Boolean.FALSE.equals(candidate.lineage.get("passedGates")));
        String verdict = notShownBetter
                ? " Its round did not show it to be better (" + roundVerdict(candidate) + "): keep v" + active.version + "."
                : " " + (candidate.activatedAt != null ? "Roll back to it" : "Promote it") + " only if its round's page says it is"
                + " better; otherwise keep v" + active.version + ".";
        String text = "v" + candidate.version + " was made by round " + round + ": it keeps the intents of the version it started from"
                + " and changes which replies are chosen." + measured + verdict;
        if (!notShownBetter) {
            return ComparisonAdvice.conditional("only its round's page says whether it is better", text);
        }
        return ComparisonAdvice.of(undecided(candidate) ? Verdict.UNDECIDED : Verdict.KEEP, text);
    }

    /**
     * What a round's version's gates concluded, in words: one of them found it worse, or none could decide yet (its round's
     * page says whether more judgements or more labelled tickets would). Versions made before rounds recorded this say both.
     */
    /** The gate outcome a round records on its version when no check could decide yet. */
    static final String UNDECIDED_OUTCOME = "wait";
    /** The round status a version not promoted because nothing could decide yet shares with its round. */
    static final String NEEDS_EVIDENCE = "needs_evidence";

    /** Not promoted because its round's checks could not decide yet: more evidence may still show it better. */
    static boolean undecided(ModelVersion version) {
        return ModelVersion.REJECTED.equals(version.status) && version.lineage != null
                && UNDECIDED_OUTCOME.equals(version.lineage.get("gateOutcome"));
    }

    static String roundVerdict(ModelVersion version) {
        Object outcome = version.lineage == null ? null : version.lineage.get("gateOutcome");
        if ("fail".equals(outcome)) {
            return "one of its checks found it worse";
        }
        // Not "more judgements": a check of replies against their tickets waits on labelled tickets kept aside, which no
        // judgement adds to; the round's page names what each undecided check needs.
        return UNDECIDED_OUTCOME.equals(outcome) ? UNDECIDED : "undecided, or worse";
    }

    static final String UNDECIDED = "undecided: its checks could not tell yet, and its round's page says what would decide them";

    static boolean roundVersion(ModelVersion version) {
        return version.lineage != null && version.lineage.get("alignmentRound") != null;
    }

    /**
     * The active version came from a round (an admin promoted it, past its gates or not): its round measured it against
     * the version it started from, which is the one comparison there is.
     */
    static ComparisonAdvice againstRound(ModelVersion candidate, ModelVersion active) {
        Object base = active.lineage.get("baseVersion");
        Double theirs = VersionComparison.metric(active, "eval/candidate_reply_intent");
        Double mine = VersionComparison.metric(active, "eval/active_reply_intent");
        Double n = VersionComparison.metric(active, "eval/reply_intent_tickets");
        if (!(base instanceof Number b) || b.intValue() != candidate.version || theirs == null || mine == null || n == null) {
            return ComparisonAdvice.of(Verdict.NOT_MEASURED, "The active v" + active.version + " comes from round "
                    + active.lineage.get("alignmentRound") + ", which compared it only with the version it started from: keep v"
                    + active.version + " unless that round's page says otherwise.");
        }
        String figures = String.format("On %d tickets kept aside for measuring the active v%d's replies fit the ticket's intent %.0f%% of the time,"
                + " v%d's %.0f%%.", n.intValue(), active.version, theirs * 100, candidate.version, mine * 100);
        String switchTo = (candidate.activatedAt != null ? "roll back to v" : "promote v") + candidate.version;
        if (VersionComparison.dropBeyondChance(theirs, mine, n)) {
            return ComparisonAdvice.of(Verdict.SWITCH, figures + " The active one is worse beyond chance: " + switchTo + ".");
        }
        if (Boolean.FALSE.equals(active.lineage.get("passedGates"))) {
            // Before the promotion the advice was to keep the base; it must not turn into "keep the active" after it.
            return ComparisonAdvice.conditional("unless v" + active.version + " was promoted on purpose", figures + " v" + active.version
                    + " was promoted by hand: its round did not show it to be better than v"
                    + candidate.version + " (" + roundVerdict(active) + "). So " + switchTo + ", unless you promoted v" + active.version
                    + " on purpose.");
        }
        return ComparisonAdvice.of(Verdict.UNDECIDED, figures + " Too close to call on so few: keep v" + active.version + ".");
    }
}
