package dev.loopwise.alignment.round;

import dev.loopwise.common.text.Counts;
import io.quarkus.qute.TemplateExtension;
import java.util.Optional;

/** How a round's figures read in the Rounds list, where a lead compares rounds at a glance. */
@TemplateExtension
public class RoundListFormats {

    static final String NOT_SURE_YET = "too few judgements to tell them apart yet";
    /** Below this many held-out comparisons a share is no figure to read, as for versions' shares of tickets on Models. */
    static final int TOO_FEW_COMPARISONS = 20;

    /**
     * How often the new and the active version pick the reply reviewers preferred ("76% / 71%"), saying so when the round's
     * check could not decide between them: two shares side by side read as a verdict, and the higher one for the new version
     * would tell a lead it is better when the round itself found too little evidence to say.
     */
    static String preferenceText(AlignmentRound round) {
        String shares = RoundFormats.percent(round, "eval/candidate_preference_agreement") + " / "
                + RoundFormats.percent(round, "eval/active_preference_agreement");
        boolean undecided = round.gates.stream().anyMatch(g -> "preference_agreement".equals(g.name())
                && RoundResult.WAIT.equals(g.verdictOrLegacy()));
        return undecided ? shares + " — " + NOT_SURE_YET : shares;
    }

    /**
     * Taste learned with how far it can be trusted: "80% of 5" reads like "80% of 500" unless the row says which. From a
     * handful of comparisons it says they are too few to read; otherwise it gives the range its check measured.
     */
    static String tasteRead(AlignmentRound round) {
        String text = RoundFormats.tasteText(round);
        if (!(round.metrics.get("reward/accuracy") instanceof Number)) {
            return text;
        }
        Integer compared = tasteComparisons(round);
        if (tasteTooFew(round)) {
            return RoundFormats.percent(round, "reward/accuracy") + " — " + tooFew(compared);
        }
        String few = compared != null && compared < TOO_FEW_COMPARISONS ? ", from " + Counts.of(compared, "comparison") : "";
        return tasteRange(round).map(r -> text + String.format(" (likely %.0f%%–%.0f%%%s)", Math.floor(r[0] * 100), Math.ceil(r[1] * 100),
                few)).orElse(text);
    }

    /**
     * Whether taste learned rests on too few comparisons to read. Not when the round's own check decided on them: its exact
     * count can tell 16 right of 18 from chance, and the round's page then says "Yes", so the list gives the range instead.
     */
    static boolean tasteTooFew(AlignmentRound round) {
        Integer compared = tasteComparisons(round);
        boolean decided = round.gates.stream().anyMatch(g -> "reward_accuracy".equals(g.name())
                && !RoundResult.WAIT.equals(g.verdictOrLegacy()));
        return compared != null && compared < TOO_FEW_COMPARISONS && !decided;
    }

    /** "from only 5 comparisons: too few to read". */
    static String tooFew(int compared) {
        return "from only " + Counts.of(compared, "comparison") + ": too few to read";
    }

    /** The held-out preferences taste learned was measured on; null for rounds stored before they were counted. */
    static Integer tasteComparisons(AlignmentRound round) {
        return round.metrics.get("reward/test_preferences") instanceof Number n ? n.intValue() : null;
    }

    /** The 90% range the reward check measured taste learned within, when it measured one. */
    static Optional<double[]> tasteRange(AlignmentRound round) {
        return round.gates.stream().filter(g -> "reward_accuracy".equals(g.name()) && g.low() != null && g.high() != null)
                .findFirst().map(g -> new double[] {g.low(), g.high()});
    }
}
