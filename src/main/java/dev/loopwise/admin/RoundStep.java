package dev.loopwise.admin;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.LatestRounds;
import dev.loopwise.alignment.round.RoundEstimate;
import dev.loopwise.alignment.round.RoundReport;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.RoundMessages;
import dev.loopwise.review.judging.ReviewNextStep;
import java.util.List;
import java.util.Optional;

/**
 * Overview's round step, from the latest rounds as Review quality reads them too: a round under way first, then what the
 * latest finished round did, labelled as such beside it.
 */
final class RoundStep {
    private RoundStep() {
    }

    /** {@code tooFast}: the reviewers Review quality marks "very fast"; it puts talking to them before the next round. */
    static FirstWeek.Step of(LatestRounds rounds, List<String> tooFast) {
        // A round that could not decide yet is no first round done: its next step is more judgements, then another round.
        boolean undecided = rounds.undecided();
        Optional<AlignmentRound> underWay = rounds.underWay();
        String status = rounds.underWaySentence() + rounds.finished().map(r -> rounds.outcome() + RoundReport.promotedByHand(r))
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
            action = RoundMessages.START_FIRST;
            href = "/admin/rounds";
        }
        return new FirstWeek.Step("Run the first improvement round", rounds.finished().isPresent() && !undecided, status.trim(),
                ReviewNextStep.talkFirst(tooFast, FirstWeek.ON_REVIEW_QUALITY, action), href);
    }

}
