package dev.loopwise.alignment.round;

import io.quarkus.qute.TemplateExtension;

/** How a round's figures read in the Rounds list, where a lead compares rounds at a glance. */
@TemplateExtension
public class RoundListFormats {

    static final String NOT_SURE_YET = "too few judgements to tell them apart yet";

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
}
