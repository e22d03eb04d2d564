package dev.loopwise.admin;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.LatestRounds;
import dev.loopwise.alignment.round.RoundEstimate;
import dev.loopwise.alignment.round.RoundReport;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.RoundMessages;
import java.util.Optional;

/**
 * Overview's round step, from the latest rounds as Review quality reads them too: a round under way first, then what the
 * latest finished round did, labelled as such beside it.
 */
final class RoundStep {
    private RoundStep() {
    }

    static FirstWeek.Step of(LatestRounds rounds) {
        // A round that could not decide yet is no first round done: its next step is more judgements, then another round.
        boolean undecided = rounds.undecided();
        Optional<AlignmentRound> underWay = rounds.underWay();
        String status = rounds.underWaySentence() + rounds.finished().map(r -> outcome(r, rounds) + RoundReport.promotedByHand(r))
                .orElse(underWay.isPresent() ? "" : "No round yet.");
        String action;
        String href;
        if (underWay.isPresent()) {
            // Starting another round, or "judge more, then start another", would cross the one running now.
            action = RoundMessages.followUnderWay(underWay.get().id, AlignmentRound.RUNNING.equals(underWay.get().status));
            href = "/admin/rounds/" + underWay.get().id;
        } else if (undecided) {
            long id = rounds.finished().orElseThrow().id;
            action = LifecycleMessages.afterUndecidedRound(id, rounds.estimate().filter(RoundEstimate::met).isPresent());
            href = "/admin/rounds/" + id;
        } else {
            action = "On Rounds, start a round: Loopwise learns what reviewers prefer and promotes a better version only when the"
                    + " evidence shows it.";
            href = "/admin/rounds";
        }
        return new FirstWeek.Step("Run the first improvement round", rounds.finished().isPresent() && !undecided, status.trim(), action, href);
    }

    private static String outcome(AlignmentRound round, LatestRounds rounds) {
        String name = rounds.finishedName();
        return switch (round.status) {
            case AlignmentRound.PROMOTED -> name + " made the answers better: version " + round.candidateVersion + " now answers.";
            // The round's reason is the checks' own text; its page explains them, the overview only says what happened.
            case AlignmentRound.NEEDS_EVIDENCE -> LifecycleMessages.roundUndecided(name, rounds.estimate().map(e -> e.farOff()
                    ? LifecycleMessages.ROUND_VERSIONS_TOO_CLOSE : e.forRound(round.id) + ".").orElse(LifecycleMessages.ROUND_WAITS_ON_EVIDENCE));
            case AlignmentRound.SUPERSEDED -> name + " ended unused: the active version changed while it ran.";
            default -> name + " found its new version no better, so customers kept the active one (its page says why).";
        };
    }
}
