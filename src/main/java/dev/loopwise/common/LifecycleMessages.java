package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.util.List;
import java.util.Map;

/** What the model's lifecycle says: switching the active version, and what a training or a round needs before it can start. */
public final class LifecycleMessages {
    private LifecycleMessages() {
    }

    /** The Train form's choice, when what was sent is none of its options (a stale page, a hand-made request). */
    public static String unknownTrainingChoice(String sent) {
        return "How to learn: '" + (sent.length() > 40 ? sent.substring(0, 40) + "…" : sent) + "' is not one of the choices."
                + " Choose automatic, fine-tune, quick, few examples or no examples, then press Train again. Nothing was trained.";
    }

    public static String activeChanged(int version) {
        return "The active version changed while version " + version + " was being switched in, so nothing was changed. "
                + "Reload Models to see which version is active now, then try again if you still want version " + version + ".";
    }

    public static String activeNotAsSeen(int version, int expected, Integer active) {
        return "The active version is not v" + expected + " as the request expected (" + (active == null ? "none is active" : "v" + active + " is") + "), so v"
                + version + " was not switched in. Look at what changed, then try again if you still want v" + version + ".";
    }

    /**
     * Two versions too close to call: keep the active one, and how much more labelled data would decide, rounded as people
     * count (0: a gap so small that no amount would).
     */
    public static String keepUntilDecided(int active, double gap, long moreLabelled) {
        if (moreLabelled == 0) {
            return " Keep v" + active + ": the two do about as well, and more tickets would hardly tell them apart.";
        }
        return String.format(" Keep v%d, or import more labelled tickets and train again: if the gap of %.1f points is real, about %s more"
                + " labelled tickets would show it (one in five is kept aside for measuring).", active, gap * 100, Counts.number(roughly(moreLabelled)));
    }

    /** Two significant figures: an estimate said to the ticket would claim a precision it does not have. */
    static long roughly(long n) {
        long unit = 1;
        while (n / unit >= 100) {
            unit *= 10;
        }
        return (n + unit - 1) / unit * unit;
    }

    /** Where the Models page showed a cancelled training's bar, stopped part-way as if the training were stuck there. */
    public static String trainingCancelled(int percentDone) {
        return "Cancelled at " + percentDone + "%: no new version was made and nothing else changed. Train again whenever you like.";
    }

    /** A start with the settings of a round that is waiting or running: that round is shown rather than a copy queued. */
    public static String roundAlreadyUnderWay(long round, boolean running) {
        return "Round " + round + " was already " + (running ? "running" : "waiting its turn") + " with these settings, so no"
                + " new round was started: this is that round. To run another, wait for it to end, or change a setting.";
    }

    public static String noVersion(int version) {
        return "No model version " + version + ".";
    }

    /** Models, after Promote or Roll back: what the press changed, since the list below may still advise on either version. */
    public static String nowActive(int version, boolean rolledBack) {
        return "Done: v" + version + " answers customers " + (rolledBack ? "again" : "now")
                + ". The change is listed under Changes of the active version below.";
    }

    public static String alreadyActive(int version) {
        return "Version " + version + " is already the active version.";
    }

    public static String neverServed(int version) {
        return "Version " + version + " has never served, so there is nothing to roll back to; promote it instead.";
    }

    /** @param reason why its encoder or weights could not be loaded */
    public static String cannotServe(int version, String reason) {
        return "Version " + version + " cannot be served: " + reason;
    }

    public static String weightsRemoved(int version) {
        return "v" + version + " can no longer answer customers: its weights were removed because it is older than the versions"
                + " kept (LOOPWISE_MODEL_VERSIONS_KEEP_WEIGHTS). Its figures and history stay on Models. Choose a newer version,"
                + " or train a new one.";
    }

    public static String roundNeedsPolicy(int version) {
        return "v" + version + " has no reply policy for a round to improve: it learns one from the agents' replies of its tickets"
                + " matched to library replies, and had none (its intents had no library replies, or its tickets no agents' replies)."
                + " Write replies on Replies, train a new version on Models and promote it, then start the round.";
    }

    /** @param tickets intents with too few tickets, fewest first, and how many each has */
    public static String fineTuneNeedsTickets(Map<String, Long> tickets) {
        List<String> named = tickets.entrySet().stream().limit(10)
                .map(e -> e.getKey() + " has " + (e.getValue() == 0 ? "none" : "only " + e.getValue())).toList();
        return "Fine-tuning learns every intent from at least 2 of its tickets, and " + String.join(", ", named)
                + (tickets.size() > 10 ? " and more" : "") + ": label a few more tickets for " + (tickets.size() == 1 ? "it" : "them")
                + " (Tickets page), or train with another choice under How to learn.";
    }

    /** Training refused on a workspace without intents: what it would learn to tell apart comes first. */
    public static String noIntentsToTrain() {
        return "There is nothing to train on yet: the workspace has no intents. Import labelled tickets on Import (each label"
                + " becomes an intent), or add intents on Intents, then train.";
    }

    /** A second training would only wait behind the first and train from the same tickets. */
    public static String trainingRunning(long runId, String status) {
        return "Training run " + runId + " is " + status + ": wait for it to end (Models shows its progress) or cancel it there,"
                + " then start another.";
    }

    /**
     * A start refused for too few judgements. It names both numbers the rounds page speaks of, the least a round can start
     * from ({@code needed}) and the about {@code trusted} whose result can be trusted, so the refusal and the advice before
     * it read as one rule rather than two that disagree.
     */
    public static String roundNeedsMore(long judgements, int needed, int trusted) {
        return "There " + (judgements == 1 ? "is 1 judgement" : "are " + judgements + " judgements") + ". " + roundSizes(needed, trusted)
                + ". Ask reviewers to judge more replies on the review page, then start it.";
    }

    /**
     * The rounds page's next step while there are too few judgements to start a round: a normal early state, said as what
     * to do rather than as a mistake. {@code imported} counts preference pairs imported from a file, which count too.
     */
    public static String roundWaitsForJudgements(long judgements, long imported, int needed, int trusted) {
        long more = Math.max(1, needed - judgements - imported);
        return "Reviewers have judged " + (judgements == 0 ? "no replies" : Counts.of(judgements, "pair") + " of replies") + " so far"
                + (imported > 0 ? ", and " + Counts.of(imported, "preference pair") + " came from a file" : "") + ": " + more + " more before a"
                + " round can start. " + roundSizes(needed, trusted) + ". Reviewers judge on the review page (/review); then start the round.";
    }

    /** The one sentence on how many judgements a round takes, shared by the advice before a start and the refusal after. */
    public static String roundSizes(int needed, int trusted) {
        return "A round can start from " + needed + " judgements, as it keeps some aside to measure the new version on; about " + trusted
                + " usually give a result you can trust, more when two versions are close (the round then says how many)";
    }

    /** Every judged ticket on one side of the split by ticket hash: how many more would leave about three on each side. */
    public static String roundSplitOneSided(int comparisons, int tickets, double heldOutShare, boolean noneAside) {
        int more = Math.max(1, (int) Math.ceil(3 / Math.min(heldOutShare, 1 - heldOutShare)) - tickets);
        return "A round keeps about " + Math.round(heldOutShare * 100) + "% of the judged tickets aside to measure the new version on."
                + (comparisons == 1 ? " The one comparison here is of one ticket" : " The " + comparisons + " comparisons here are "
                + (tickets == 1 ? "all of one ticket" : "of " + tickets + " tickets")) + ", and " + (tickets == 1 ? (noneAside ? "it was not"
                : "it was") + " set aside" : noneAside ? "none fell aside" : "every one fell aside") + ". Ask reviewers to judge about "
                + Counts.of(more, "more ticket") + ", then start the round again.";
    }

    /** A round whose comparisons (those it trains on) each set a reply against itself, case and spacing aside. */
    public static String roundLearnsNothing(int comparisons) {
        return "Nothing to learn from: " + (comparisons == 1 ? "the one comparison this round trains on sets"
                : "each of the " + Counts.of(comparisons, "comparison") + " this round trains on sets") + " a reply against itself (the"
                + " same words, case and spacing aside), so no preference shows. Ask reviewers to judge items with two different"
                + " replies, or import preference pairs whose chosen and rejected replies differ (through the API: POST"
                + " /api/v1/datasets/preferences), then start the round again.";
    }

    public static final String ROUND_NEEDS_JUDGEMENTS = "A round learns from reviewers' judgements and there are none yet: ask"
            + " reviewers to judge replies on the review page (a round can start from 10; about 100 usually give a result you can trust), or import preference pairs through"
            + " the API (POST /api/v1/datasets/preferences).";

    /** "about 120 more judgements", as an undecided round's page and Overview both give its estimate. */
    public static String moreJudgements(int more) {
        return "about " + Counts.of(more, "more judgement");
    }

    /** "30 judgements" given since a round read its own; once {@code met}, "at least 120 judgements" (counted no further). */
    public static String judgementsGiven(long givenSince, int more, boolean met) {
        return met ? "at least " + Counts.of(more, "judgement") : Counts.of(givenSince, "judgement");
    }

    /** What the judgements given since add, "; 30 judgements given since it ended" (nothing while none were). */
    public static String judgementsSince(long givenSince, String given, String roundName, boolean met) {
        return givenSince == 0 ? "" : "; " + given + " given since " + roundName + " ended" + (met ? ", enough to start another round" : "");
    }

    /**
     * As Overview says it of round N: "about 120 more judgements would let round 4's checks decide (its estimate when it ended,
     * from the difference it measured, unlike the first round's rule of thumb of 100)". The clause is there because the lead saw
     * the rule of thumb before the first round, and two unexplained counts for one situation read as one of them being wrong.
     */
    public static String roundEstimate(String count, boolean firstEstimate, long round, String since, int ruleOfThumb) {
        return count + (firstEstimate ? " would give round " + round + "'s checks a first estimate of how many would decide them"
                + " (its estimate when it ended" : " would let round " + round + "'s checks decide (its estimate when it ended, "
                + fromMeasured(ruleOfThumb)) + since + ")";
    }

    /** Why a round's own count differs from the figure given before the first round. */
    public static String fromMeasured(int ruleOfThumb) {
        return "from the difference it measured, unlike the first round's rule of thumb of " + ruleOfThumb;
    }

    /**
     * The rule of thumb before any round could give its own estimate, named whole since the pages tick the judging step by it:
     * "about 60 more judgements give a first round a fair chance to decide (about 100 in all)"; with none given, more is all.
     */
    public static String firstRoundJudgements(long given, int ruleOfThumb) {
        long more = ruleOfThumb - given;
        return more <= 0 ? "about " + firstRoundRule(ruleOfThumb) + ", and " + Counts.of(given, "judgement") + " are in"
                : "about " + Counts.of(more, "more judgement") + (more == 1 ? " gives" : " give") + " a first round a fair chance to"
                + " decide" + (given > 0 ? " (about " + ruleOfThumb + " in all)" : "");
    }

    /** "100 give a first round a fair chance to decide", the rule of thumb beside a count of judgements. */
    public static String firstRoundRule(int ruleOfThumb) {
        return ruleOfThumb + " give a first round a fair chance to decide";
    }

    /** An undecided round, as a sentence starts with its name ("Round 4"); {@code why} is one of the sentences below, or its estimate. */
    public static String roundUndecided(String round, String why) {
        return round + " could not decide yet: " + why;
    }

    public static final String ROUND_VERSIONS_TOO_CLOSE = "the versions are too close for any realistic number of judgements to tell"
            + " apart (its page says what to do).";

    public static final String ROUND_WAITS_ON_EVIDENCE = "its checks wait on more evidence (its page says which).";

    /** Overview's next step after an undecided round: another round once reviewers gave what it asked for ({@code met}). */
    public static String afterUndecidedRound(long round, boolean met) {
        return met ? "On Rounds, start another round: reviewers have given as many judgements as round " + round + " asked for."
                : "Have reviewers judge more replies as round " + round + "'s page says, then start another round on Rounds.";
    }

    /** An undecided round's page once a later round read its judgements: that round's advice is the one to follow. */
    public static String roundReadOnward(long newer) {
        return "Round " + newer + " was started after this one and read its judgements too: its page says what to do next.";
    }

    /**
     * A training regime as the Models page's Train form names it, for pages that report a choice made there (the audit
     * trail); {@code value} is the stored code ({@code auto}, {@code zero-shot}, {@code prototypes}, {@code linear},
     * {@code finetune}), shown as it is when it is none of them.
     */
    public static String regimeWords(String value) {
        return switch (value == null ? "auto" : value) {
            case "auto" -> "automatic";
            case "zero-shot" -> "no examples (descriptions only)";
            case "prototypes" -> "few examples (each intent's examples)";
            case "linear" -> "quick (on top of the reading model)";
            case "finetune" -> "fine-tune the reading model";
            default -> value;
        };
    }

    /** An intent's share of fewer held-out tickets than a range needs, on a version's page. */
    public static final String TOO_FEW_TICKETS = "too few tickets to say";
}
