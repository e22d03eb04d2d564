package dev.loopwise.alignment.round;

import dev.loopwise.common.text.Counts;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.review.judging.ReviewNextStep;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/** How round figures read on pages. */
@TemplateExtension
public class RoundFormats {

    /** A metric as a number with three decimals, or "—". */
    static String metric(AlignmentRound round, String name) {
        Object value = round.metrics.get(name);
        return value instanceof Number n ? String.format("%.3f", n.doubleValue()) : "—";
    }

    /** A share as a percentage ("53%"), as the round's own page shows it, or "—". */
    static String percent(AlignmentRound round, String name) {
        Object value = round.metrics.get(name);
        return value instanceof Number n ? String.format("%.0f%%", n.doubleValue() * 100) : "—";
    }

    /**
     * Taste learned with what it means: each held-out judgement is a choice between two replies, so 50% is what a coin toss
     * gets, and a figure near it says the round has not learned what reviewers prefer.
     */
    static String tasteText(AlignmentRound round) {
        Object value = round.metrics.get("reward/accuracy");
        if (!(value instanceof Number n)) {
            return "—";
        }
        double share = n.doubleValue();
        // "Worse than a coin toss" is a verdict on the round: said only when the reward check's interval lies below 50% (40% of
        // five held-out preferences is two of five, as a coin gives often enough).
        Double top = round.gates.stream().filter(g -> "reward_accuracy".equals(g.name())).map(RoundResult.Gate::high)
                .filter(Objects::nonNull).findFirst().orElse(null);
        String meaning = share < 0.45 && top != null && top < 0.5 ? " — worse than a coin toss"
                : share < 0.6 ? " — about a coin toss (50%)" : "";
        return percent(round, "reward/accuracy") + meaning;
    }

    /** ✔ passed, ✘ failed, … waiting for more evidence. */
    static String symbol(RoundResult.Gate gate) {
        return switch (gate.verdictOrLegacy()) {
            case RoundResult.PASS -> "✔";
            case RoundResult.WAIT -> "…";
            default -> "✘";
        };
    }

    static String verdictText(RoundResult.Gate gate) {
        return switch (gate.verdictOrLegacy()) {
            case RoundResult.PASS -> "passed";
            case RoundResult.WAIT -> "not enough evidence yet";
            default -> "failed";
        };
    }

    /** A check's answer in one sentence a support lead acts on; the figures behind it stay in its fold. */
    static String answer(RoundResult.Gate gate) {
        return switch (gate.verdictOrLegacy()) {
            case RoundResult.PASS -> "Yes.";
            case RoundResult.WAIT -> "reply_intent".equals(gate.name()) ? fitSoFar(gate) : soFar(gate) + (gate.moreJudgements() == null
                    ? "Not enough evidence yet."
                    : firstEstimate(gate) ? "Not enough evidence yet, and too few judgements kept aside for measuring to say how many more it needs: about "
                    + Counts.of(gate.moreJudgements(), "more judgement") + " give a first estimate of how many would decide it."
                    : gate.moreJudgements() > Gates.FAR_MORE_JUDGEMENTS ? "Too close to call: even "
                    + Counts.of(Gates.FAR_MORE_JUDGEMENTS, "more judgement") + " might not decide it."
                    : "Not enough evidence yet: about " + Counts.of(gate.moreJudgements(), "more judgement") + " would decide it.");
            default -> "No.";
        };
    }

    /**
     * Where an undecided comparison leans, so that "collect more" is not read as "it is going well": a lead asks whether
     * the new version is better, and a candidate behind so far is the first thing to know.
     */
    private static String soFar(RoundResult.Gate gate) {
        if (!"preference_agreement".equals(gate.name()) || gate.effect() == null || Math.abs(gate.effect()) < 0.005) {
            return "";
        }
        return String.format(Locale.ROOT, "So far the new version agrees with reviewers %s than the active one (%s), "
                + "on too few judgements to be sure. ", gate.effect() > 0 ? "more often" : "less often", points(gate.effect()));
    }

    /** Whether the check's count of judgements buys only a first estimate, not a decision. */
    static boolean firstEstimate(RoundResult.Gate gate) {
        return gate.detail() != null && gate.detail().contains(Gates.FIRST_ESTIMATE);
    }

    /**
     * The replies-fit check waits on labelled tickets kept aside, which judgements never add to; and a candidate whose
     * replies fit less often so far is what a lead needs to know before collecting anything.
     */
    private static String fitSoFar(RoundResult.Gate gate) {
        String lean = gate.effect() == null || Math.abs(gate.effect()) < 0.005 ? "about as often as the active one's"
                : String.format(Locale.ROOT, "%s than the active one's (%s)", gate.effect() > 0 ? "more often" : "less often",
                        points(gate.effect()));
        return "So far the new version's replies fit what the customer asked about " + lean + ", on too few labelled tickets to be sure. "
                + FIT_NEEDS_TICKETS;
    }

    /** A difference of shares in signed points, "+6 points", "-1 point". */
    static String points(double difference) {
        long rounded = Math.round(100 * difference);
        return String.format(Locale.ROOT, "%+d %s", rounded, Math.abs(rounded) == 1 ? "point" : "points");
    }

    static final String FIT_NEEDS_TICKETS = "More labelled tickets kept aside for checking would decide it, not more judgements.";

    /**
     * The version a finished round made but did not promote, while it can still be compared with the active one (never
     * promoted by hand since); null otherwise.
     */
    static Integer keptCandidate(AlignmentRound round) {
        if (round.candidateVersion == null || !round.finished() || AlignmentRound.PROMOTED.equals(round.status)) {
            return null;
        }
        return ModelVersion.findByVersion(round.candidateVersion)
                .filter(v -> v.comparable()).map(v -> v.version).orElse(null);
    }

    /** The Rounds page's next step, from the newest round. */
    static String listNextStep(List<AlignmentRound> newestFirst, long judgements) {
        if (newestFirst.isEmpty()) {
            long wanted = ReviewNextStep.FIRST_ROUND_JUDGEMENTS;
            return judgements >= wanted ? "Reviewers have judged " + judgements + " pairs of replies: start the first round."
                    : "Start the first round once reviewers have judged about " + wanted + " pairs of replies (" + judgements
                            + " so far). " + LifecycleMessages.roundSizes(RoundService.MIN_COMPARISONS, (int) wanted)
                            + ". One started sooner will most likely end undecided, changing nothing.";
        }
        // A round still to come matters more than how an older one ended: "start another" would queue a copy behind it.
        Optional<AlignmentRound> underway = newestFirst.stream().filter(r -> !r.finished()).findFirst();
        if (underway.isPresent()) {
            AlignmentRound round = underway.get();
            return AlignmentRound.QUEUED.equals(round.status)
                    ? "Round " + round.id + " is queued: it starts once the training or round running now ends, and it reads every"
                            + " judgement given until then. Nothing to start meanwhile; the active version keeps answering customers."
                    : "Round " + round.id + " is running: open it to follow it. The active version keeps answering customers meanwhile.";
        }
        AlignmentRound last = newestFirst.get(0);
        // Not promoted by the round is not "nothing changed": an admin may have promoted its version by hand since.
        String served = AlignmentRound.NEEDS_EVIDENCE.equals(last.status) || AlignmentRound.REJECTED.equals(last.status)
                ? RoundVersionServed.since(last) : null;
        return switch (last.status) {
            case AlignmentRound.PROMOTED -> "Round " + last.id + " made v" + last.candidateVersion + " the version customers get. Keep "
                    + "reviewers judging: the next round is proposed on Drift after enough new judgements.";
            case AlignmentRound.NEEDS_EVIDENCE -> (served == null ? "Round " + last.id + " changed nothing for customers: its checks could"
                    + " not decide yet. " : "Round " + last.id + "'s checks could not decide yet, but " + served + ". ")
                    + RoundEstimate.nextStepAfter(last);
            case AlignmentRound.REJECTED -> (served == null ? "Round " + last.id + " changed nothing for customers: its new version was"
                    + " not better. " : "Round " + last.id + "'s new version was not shown to be better, but " + served + ". ")
                    + "Open it to read which check failed and what to change before the next round.";
            case AlignmentRound.SUPERSEDED -> "Round " + last.id + " was overtaken: the active version changed while it ran, so its "
                    + "result was not applied. Start a new round to improve the active version.";
            case AlignmentRound.FAILED -> "Round " + last.id + " stopped with an error: open it to read it, then start another.";
            case AlignmentRound.CANCELLED -> "Round " + last.id + " was cancelled; nothing changed for customers. Start another when"
                    + " you are ready.";
            default -> "Round " + last.id + " is running: open it to follow it. The active version keeps answering customers meanwhile.";
        };
    }

    /**
     * The log is open while the round runs (it shows the progress) and after an error (it says what went wrong); once the
     * round has its verdict in words above, its log of held-out figures and p-values folds away, for ML engineers.
     */
    static boolean logOpen(AlignmentRound round) {
        return !round.finished() || AlignmentRound.FAILED.equals(round.status);
    }

    /** In the start form's words (its ML names, DPO and reward-weighted, are in the round's settings, in the fold). */
    static String methodText(AlignmentRound round) {
        return RoundSettings.DPO.equals(round.method) ? "learning directly from the reviewers' pairs of replies"
                : "learning from a model of what reviewers prefer";
    }

    /** The facts known so far: nothing about judgements or versions is shown before the round has read them. */
    static String headerFacts(AlignmentRound round) {
        if (round.baseVersion == null) {
            return round.finished() ? "" : AlignmentRound.QUEUED.equals(round.status) ? " · waiting its turn" : " · reading the judgements…";
        }
        return " · " + Counts.of(round.judgements(), "judgement") + " · improving v" + round.baseVersion;
    }

    static int percentDone(AlignmentRound round) {
        return (int) Math.round(round.progress * 100);
    }

    static int judgements(AlignmentRound round) {
        return round.judgements();
    }

    static final String NOT_STARTED = "No round was started.";

    private static final Map<String, String> FORM_LABELS = Map.of("policyEpochs", "Policy epochs", "beta", "β",
            "rewardModel", "Reward model");

    /** A refusal worded for the API names its fields; on the page, the form's labels are what the lead sees. */
    static String asOnTheForm(String message) {
        String shown = message;
        for (Map.Entry<String, String> label : FORM_LABELS.entrySet()) {
            shown = shown.replaceAll("(?<![A-Za-z'])" + label.getKey() + "(?![A-Za-z'])", Matcher.quoteReplacement(label.getValue()));
        }
        return shown;
    }

    /** Preference pairs imported from a file that the round read beside the judgements (0 for rounds before imports). */
    static int importedPairs(AlignmentRound round) {
        return round.lineage != null && round.lineage.get("importedPairs") instanceof Number n ? n.intValue() : 0;
    }

    /** What the round learned from, in words: new judgements, replayed older ones, and where its reward model started. */
    static String material(AlignmentRound round) {
        if (round.baseVersion == null) {
            return "";
        }
        String replayed = round.replayedJudgements == 0 ? "no older ones"
                : Counts.of(round.replayedJudgements, "older judgement") + " picked at random from before, so that "
                        + "it does not forget what reviewers taught earlier rounds";
        String start = round.metrics.get("reward/warm_started") instanceof Number warm && warm.intValue() == 1
                ? " Its model of reviewers' taste (reward model) continued from v" + round.baseVersion + "'s, building on what earlier rounds"
                        + " learned."
                : round.lineage.get("rewardFreshStart") instanceof String fresh ? " " + fresh : "";
        String since = round.lineage.get("newSinceRound") instanceof Number earlier
                ? " (made since round " + earlier + ", which trained v" + round.baseVersion + ")"
                : " (the newest; v" + round.baseVersion + " was not trained by a round)";
        int imported = importedPairs(round);
        // A round stopped before its end learned nothing: "learned from" would tell a lead its judgements were used.
        boolean cancelled = AlignmentRound.CANCELLED.equals(round.status);
        boolean stopped = cancelled || AlignmentRound.FAILED.equals(round.status);
        String verb = !round.finished() ? "learns from" : stopped ? "was to learn from" : "learned from";
        return "This round " + verb + " " + Counts.of(round.newJudgements, "new judgement") + since + ", "
                + replayed + (imported > 0 ? ", and " + Counts.of(imported, "preference pair")
                + " imported through the API (datasets/preferences)" : "") + "."
                + (stopped ? (cancelled ? " It was cancelled first, so it learned nothing from them." : " It stopped with an error first,"
                + " so it learned nothing from them.") : start + (round.metrics.get(RoundReward.MODEL_NOTE) instanceof String note ? " " + note : ""));
    }

    static Map<String, Object> settingsShown(AlignmentRound round) {
        return round.settings;
    }
}
