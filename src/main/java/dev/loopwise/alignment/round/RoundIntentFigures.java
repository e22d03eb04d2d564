package dev.loopwise.alignment.round;

import dev.loopwise.common.EvalMessages;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.RoundMessages;
import dev.loopwise.common.stats.Wilson;
import io.quarkus.qute.TemplateExtension;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A round's reply-intent check intent by intent, for its page: "replies fit the intent less often" over all intents does not
 * say which customers now get a reply about something else. Read from what the round stored (a few rows per intent), so the
 * page costs the same however many judgements and requests there are.
 */
@TemplateExtension
public class RoundIntentFigures {
    /**
     * One intent's held-out labelled tickets, those the new version's first reply fits ({@code candidate}) and those the
     * active version's does ({@code active}).
     */
    public record Row(String intent, int tickets, int candidate, int active) {
        public String newShare() {
            return RoundMessages.shareOf(candidate, tickets, EvalMessages.TOO_FEW_TO_JUDGE);
        }

        public String activeShare() {
            return RoundMessages.shareOf(active, tickets, EvalMessages.TOO_FEW_TO_JUDGE);
        }

        public String change() {
            return RoundMessages.intentReplyChange(candidate, active);
        }

        public boolean worse() {
            return candidate < active;
        }

        /** Too few held-out tickets for a range: its counts are a hint, not a finding. */
        public boolean tooFew() {
            return tickets < EvalMessages.TOO_FEW_TO_JUDGE;
        }

        /** Where the new version's share would likely land, 9 times in 10, on many more of the intent's tickets. */
        public String range() {
            if (tooFew()) {
                return LifecycleMessages.TOO_FEW_TICKETS;
            }
            int[] range = Wilson.wholePercents(Wilson.bounds((double) candidate / tickets, tickets, GateStatistics.Z_ALPHA));
            return EvalMessages.likelyBetween(range[0], range[1]);
        }
    }

    /** Whether the round stored its check per intent: rounds run before it did, or with no labelled ticket to check on, have none. */
    static boolean hasIntentFigures(AlignmentRound round) {
        return !intentFigures(round).isEmpty();
    }

    /**
     * Worst first: the intents that lost the most fitting replies, then those whose new replies fit least often, then by
     * name. A gain does not rank an intent below one that stayed the same: when none got worse, the least often fitting lead.
     */
    static List<Row> intentFigures(AlignmentRound round) {
        if (!(round.metrics.get(ReplyIntentCheck.PER_INTENT) instanceof List<?> stored)) {
            return List.of();
        }
        return stored.stream().filter(Map.class::isInstance).map(e -> (Map<?, ?>) e)
                .map(m -> new Row(String.valueOf(m.get("intent")), number(m, "tickets"), number(m, "candidate"), number(m, "active")))
                .filter(r -> r.tickets() > 0)
                .sorted(Comparator.comparingInt((Row r) -> Math.min(0, r.candidate() - r.active()))
                        .thenComparingDouble(r -> (double) r.candidate() / r.tickets())
                        .thenComparing(Row::intent))
                .toList();
    }

    /** Up to this many intents the table shows them all: a fold would hide less than it costs a click to open. */
    static final int SHOWN_WITHOUT_FOLD = 8;
    /** Rows above the fold when some are folded, or more when more intents got worse: every one of those is shown. */
    static final int SHOWN_FIRST = 6;

    /**
     * The intents a lead reads first: the table's first rows, so every intent that got worse and then those whose new
     * replies fit least often. With 18 or more intents the table as cards on a phone runs to many screens, so past the
     * first few the rest waits behind a fold, in the same order; a short list is shown whole.
     */
    static List<Row> intentsFirst(AlignmentRound round) {
        List<Row> all = intentFigures(round);
        if (all.size() <= SHOWN_WITHOUT_FOLD) {
            return all;
        }
        long worse = all.stream().filter(Row::worse).count();
        return all.subList(0, (int) Math.max(worse, SHOWN_FIRST));
    }

    /** The intents behind the fold, in the table's order: none when the list is short enough to show whole. */
    static List<Row> intentsFolded(AlignmentRound round) {
        List<Row> first = intentsFirst(round);
        return intentFigures(round).stream().filter(r -> !first.contains(r)).toList();
    }

    /** "Show all 18 intents", on the fold that holds the rest. */
    static String intentsFoldSummary(AlignmentRound round) {
        return RoundMessages.showAllIntents(intentFigures(round).size(), intentsFolded(round).size());
    }

    /** How many intents' replies fit fewer of their tickets than the active version's. */
    static long intentsWorse(AlignmentRound round) {
        return intentFigures(round).stream().filter(Row::worse).count();
    }

    /** Below this many held-out tickets an intent's share gets no range, as on a version's page. */
    static int fewestForRange(AlignmentRound round) {
        return EvalMessages.TOO_FEW_TO_JUDGE;
    }

    private static int number(Map<?, ?> entry, String key) {
        return entry.get(key) instanceof Number n ? n.intValue() : 0;
    }
}
