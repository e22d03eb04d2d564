package dev.loopwise.alignment.round;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.text.Counts;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.judging.ReviewNextStep;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A round's report for a support lead: what happened in words, what to do next, each gate as a plain
 * question, and the raw figures grouped, rounded and explained under a details fold.
 */
public record RoundReport(String outcome, String nextStep, List<GateRow> gates, List<MetricGroup> metrics, Map<String, Object> lineage) {
    /** {@code answer}: the check's answer in a sentence; {@code detail}: its figures (intervals, p-values), shown folded. */
    public record GateRow(String question, String mark, String verdict, String answer, String detail, String name) {
        /** Whether its figures hold a 90% interval or a p-value, which the page then explains: a distance alone needs no such note. */
        public boolean hasRanges() {
            return detail != null && (detail.contains("interval") || detail.contains("p = "));
        }
    }

    public record Metric(String name, String value, String meaning) {
    }

    public record MetricGroup(String title, List<Metric> metrics) {
    }

    private static final Map<String, String> QUESTIONS = Map.of(
            "reward_accuracy", "Did Loopwise learn what reviewers prefer?",
            "preference_agreement", "Does the new version pick what reviewers prefer more often?",
            "reply_intent", "Do its replies still fit what the customer asked about?",
            "kl_bound", "Does it stay close to the active version?");

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("reward/accuracy", "share of the preferences kept aside for measuring that the reward model ranks right (50% is chance)"),
            Map.entry("reward/served_accuracy", "the same for the vector model the version keeps to score replies and LLM drafts as it"
                    + " answers customers, when the round learned with the cross-encoder"),
            Map.entry("reward/margin", "average score gap between preferred and rejected replies"),
            Map.entry("reward/calibration_error", "how far the reward model's confidence is from how often it is right"),
            Map.entry("reward/train_loss", "Bradley–Terry loss at the end of training (lower fits the training judgements better)"),
            Map.entry("reward/train_pairs", "judgements the reward model learned from"),
            Map.entry("reward/same_reply_pairs", "judgements left out of its training: both replies were the same words, which teaches nothing"),
            Map.entry("reward/test_pairs", "judgements kept aside to measure it"),
            Map.entry("reward/test_preferences", "different pairs of replies on a ticket among them with a preferred reply, each counted"
                    + " once however many reviewers judged it (their weighted majority decides); the checks are measured on these"),
            Map.entry("reward/test_tickets", "different tickets those preferences come from (the checks need at least "
                    + Gates.FEWEST_TICKETS + ")"),
            Map.entry(AlignmentEngine.SEEN_TEST_PAIRS, "judgements kept aside whose ticket is in the words of one it learned from (case"
                    + " and spacing aside): left out of the checks, which would otherwise measure it on what it learned"),
            Map.entry(AlignmentEngine.SPLIT_PAIRS, "pairs of replies kept aside whose reviewers were split evenly: left out of the checks"),
            Map.entry("reward/model_note", "why the vector model stood in for the cross-encoder asked for"),
            Map.entry("reward/warm_started", "1: the reward model continued from the base version's; 0: it started afresh"),
            Map.entry("policy/kl", "how far the new version's reply choices moved from the reference version (KL divergence)"),
            Map.entry("policy/expected_reward", "average reward of the new version's choices, as the round's reward model scores them,"
                    + " on the tickets the update learned from: a training figure like the loss, showing that the update moved where"
                    + " the reward model pointed, not how it does on new tickets (the checks above say that)"),
            Map.entry("policy/reference_expected_reward", "the same for the reference version"),
            Map.entry("policy/changed_choice_rate", "share of tickets whose first reply changed"),
            Map.entry("eval/preference_pairs", "preferences kept aside for measuring between two library replies both versions were judged on, each"
                    + " pair of replies on a ticket counted once"),
            Map.entry("eval/preference_tickets", "different tickets those preferences come from"),
            Map.entry("eval/candidate_preference_agreement", "share of them the new version agrees with"),
            Map.entry("eval/active_preference_agreement", "share of them the active version agrees with"),
            Map.entry(AlignmentEngine.SEEN_INTENT_TICKETS, "labelled tickets kept for checking that the new version learned replies"
                    + " for, in the same words or in other case and spacing, from reviewers' judgements or imported pairs (in this round,"
                    + " or in earlier ones whose reward model it continued):"
                    + " left out of the reply-fits-the-intent check, which would otherwise"
                    + " score it on its own lessons"));

    /** {@code newer}: the newest round started after this one, if any. */
    public static RoundReport of(AlignmentRound round, Map<Long, String> reviewerNames, long waitingItems, Long newer) {
        List<GateRow> gates = new ArrayList<>();
        for (RoundResult.Gate gate : round.gates) {
            gates.add(new GateRow(QUESTIONS.getOrDefault(gate.name(), gate.name()), RoundFormats.symbol(gate), RoundFormats.verdictText(gate),
                    RoundFormats.answer(gate), gate.detail(), gate.name()));
        }
        String byHand = promotedByHand(round);
        String outcome = byHand.isEmpty() ? outcome(round) : outcome(round).replace(" Nothing changed for customers.", "") + byHand;
        // A later round read this one's judgements and those given since: counting them again here would send the lead back
        // to a figure the later round has replaced.
        String next = newer != null && AlignmentRound.NEEDS_EVIDENCE.equals(round.status)
                ? LifecycleMessages.roundReadOnward(newer)
                : nextStep(round, waitingItems, RoundEstimate.of(round));
        return new RoundReport(outcome, next, gates, groups(round.metrics), lineage(round.lineage, reviewerNames));
    }

    /**
     * What happened to the round's version after it ended, when an admin promoted it past the round's decision: the round's
     * own verdict stays as it was, but "nothing changed for customers" would no longer be true.
     */
    public static String promotedByHand(AlignmentRound round) {
        if (round.candidateVersion == null || AlignmentRound.PROMOTED.equals(round.status)) {
            return "";
        }
        return ModelVersion.findByVersion(round.candidateVersion).filter(v -> v.activatedAt != null)
                .map(v -> " Later an admin promoted v" + v.version + " by hand: " + (v.status.equals(ModelVersion.ACTIVE)
                        ? "it answers customers now." : "it answered customers for a while.")).orElse("");
    }

    static String outcome(AlignmentRound round) {
        return switch (round.status) {
            case AlignmentRound.PROMOTED -> "The new version v" + round.candidateVersion + " picks what reviewers prefer more often; it now answers customers.";
            case AlignmentRound.NEEDS_EVIDENCE -> "Not decided yet: the judgements so far cannot tell whether the new version is better. Nothing changed for customers.";
            case AlignmentRound.REJECTED -> round.candidateVersion != null && round.gates.stream().allMatch(g -> g.verdictOrLegacy().equals(RoundResult.PASS))
                    ? "v" + round.candidateVersion + " passed every check and waits for an admin to promote it on Models."
                    : "The new version was not better, so it was not promoted. Nothing changed for customers.";
            case AlignmentRound.SUPERSEDED -> "The active version changed while the round ran (a rollback or another round), so v"
                    + round.candidateVersion + " was not promoted: it was compared with a version that is no longer active. Nothing "
                    + "changed for customers.";
            // The reason is written for the lead (a library's own message never reaches it): say it where the outcome is read.
            case AlignmentRound.FAILED -> round.reason == null || round.reason.isBlank()
                    ? "The round stopped with an error; nothing changed for customers."
                    : "The round stopped; nothing changed for customers. " + round.reason;
            case AlignmentRound.CANCELLED -> "The round was cancelled; nothing changed for customers.";
            case AlignmentRound.QUEUED -> "The round is queued: it starts once the training or round running now ends. Nothing"
                    + " changes for customers meanwhile; this page updates by itself.";
            default -> "The round is running; this page updates by itself.";
        };
    }

    static String nextStep(AlignmentRound round, long waitingItems) {
        return nextStep(round, waitingItems, RoundEstimate.of(round, 0));
    }

    static String nextStep(AlignmentRound round, long waitingItems, Optional<RoundEstimate> estimate) {
        // Judgements never settle whether replies fit the request: that check waits on labelled tickets kept aside.
        boolean fitWaits = round.gates.stream().anyMatch(g -> "reply_intent".equals(g.name()) && RoundResult.WAIT.equals(g.verdict()));
        String waiting = Counts.of(waitingItems, "item") + " waiting for reviewers";
        return switch (round.status) {
            case AlignmentRound.PROMOTED -> "Reviewers keep judging the new version's replies; start another round when a few hundred new judgements are in.";
            case AlignmentRound.NEEDS_EVIDENCE -> estimate.isPresent() && estimate.get().farOff()
                    ? "No realistic number of judgements would settle every check below (one needs more than "
                    + Counts.of(Gates.FAR_MORE_JUDGEMENTS, "judgement") + "). Keep the active version; start another round when "
                    + "reviewers have judged replies on new tickets."
                    : estimate.isEmpty() && fitWaits ? FIT_NEXT + ", then start another round."
                    : (estimate.isPresent() && estimate.get().met() ? "Start another round on Rounds: reviewers have given "
                    + estimate.get().given() + " since this round ended, as many as the " + estimate.get().count() + " it asked for."
                    : "Collect " + estimate.map(e -> e.count() + " (" + waiting + e.since("the round") + ")" + (e.firstEstimate()
                    ? ": they give a first estimate of how many would decide the comparison. Then start another round."
                    : ": " + (askedDifferently(round) ? "the most any check below asks for, " : "this round's estimate ")
                    + LifecycleMessages.fromMeasured(ReviewNextStep.FIRST_ROUND_JUDGEMENTS)
                    + ". Then start another round.")).orElse("more judgements (" + waiting + "), then start another round."))
                    + (fitWaits ? " Whether replies still fit what customers ask about is not"
                    + " decided by judgements: " + Character.toLowerCase(FIT_NEXT.charAt(0)) + FIT_NEXT.substring(1) + "." : "");
            case AlignmentRound.REJECTED -> afterRejection(round.gates);
            case AlignmentRound.SUPERSEDED -> "Start a new round: it compares with the active version.";
            case AlignmentRound.FAILED -> "Start the round again; if it fails again, the log below says why.";
            case AlignmentRound.CANCELLED -> "Start another round on Rounds when you are ready.";
            default -> "Wait for it to finish (you can leave this page), or cancel it: the active version keeps answering customers.";
        };
    }

    /** Waiting checks that asked for different counts: the step gives the largest, and says so, or it reads as a mistake. */
    static boolean askedDifferently(AlignmentRound round) {
        return round.gates.stream().filter(g -> RoundResult.WAIT.equals(g.verdict()) && g.moreJudgements() != null)
                .map(RoundResult.Gate::moreJudgements).distinct().count() > 1;
    }

    private static final String FIT_NEXT = "Import more labelled tickets on Import (one in five is kept aside to check replies on; a"
            + " split column set to test keeps a ticket aside)";

    /**
     * What to change after a rejection depends on which check failed: more judgements help a candidate that is not
     * better, not one whose replies drifted away from the ticket's intent or from the current version.
     */
    static String afterRejection(List<RoundResult.Gate> gates) {
        Set<String> failed = gates.stream().filter(g -> RoundResult.FAIL.equals(g.verdictOrLegacy()))
                .map(RoundResult.Gate::name).collect(Collectors.toSet());
        String larger = "start the next round with a larger β (under Advanced settings on Rounds), which keeps the new version"
                + " closer to the active one.";
        if (failed.contains("reply_intent")) {
            return "The new version's replies fit the ticket's intent less often than the current ones: more judgements will not fix"
                    + " that. Check on Review quality that preferred replies and rewrites suit their tickets, then " + larger;
        }
        if (failed.contains("kl_bound")) {
            return "The new version moved further from the active one than a round allows: " + larger;
        }
        if (failed.contains("reward_accuracy")) {
            return "Loopwise could not learn from these judgements what reviewers prefer: they may disagree with each other too often."
                    + " Check agreement on Review quality (gold items show who needs guidance), then start another round.";
        }
        return "The new version is not better at what reviewers prefer. More judgements on new tickets, or clearer ones (gold items,"
                + " rewrites), help; then start another round.";
    }

    private static List<MetricGroup> groups(Map<String, Object> metrics) {
        Map<String, List<Metric>> byGroup = new LinkedHashMap<>();
        for (String group : List.of("reward", "eval", "policy", "intent", "time")) {
            byGroup.put(group, new ArrayList<>());
        }
        // A list (each intent's figures) has a table of its own on the page: as one cell it would read as Java prints it.
        metrics.entrySet().stream().filter(entry -> !(entry.getValue() instanceof Collection<?>))
                .sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String group = entry.getKey().contains("/") ? entry.getKey().substring(0, entry.getKey().indexOf('/')) : "other";
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new Metric(entry.getKey(), round(entry.getValue()),
                    MEANINGS.getOrDefault(entry.getKey(), group.equals("time") ? "seconds spent on this step" : "")));
        });
        Map<String, String> titles = Map.of("reward", "Reward model", "eval", "New version against the active one", "policy",
                "Policy update", "intent", "Intents", "time", "Time", "other", "Other");
        return byGroup.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new MetricGroup(titles.getOrDefault(e.getKey(), e.getKey()), e.getValue())).toList();
    }

    static String round(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Number number) {
            double v = number.doubleValue();
            return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
        }
        return value == null ? "—" : value.toString();
    }

    /**
     * The lineage as recorded, read as a person reads it: reviewer weights named by reviewer, as percentages, instead of by
     * user id; lists and maps with commas instead of as Java prints them ("[28, 29]", "{a=1}").
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> lineage(Map<String, Object> lineage, Map<Long, String> names) {
        Map<String, Object> shown = new LinkedHashMap<>();
        lineage.forEach((key, value) -> shown.put(key, value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : value instanceof Map<?, ?> map ? ((Map<Object, Object>) map).entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))
                : value));
        if (lineage.get("reviewerWeights") instanceof Map<?, ?> weights) {
            Map<String, String> named = new TreeMap<>();
            ((Map<Object, Object>) weights).forEach((id, weight) -> named.put(
                    names.getOrDefault(Long.valueOf(id.toString()), "user " + id),
                    weight instanceof Number n ? Math.round(n.doubleValue() * 100) + "%" : String.valueOf(weight)));
            shown.put("reviewerWeights", named.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return shown;
    }
}
