package dev.loopwise.admin;

import dev.loopwise.alignment.round.LatestRounds;
import dev.loopwise.alignment.round.RoundEstimate;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.text.Counts;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewNextStep;
import dev.loopwise.review.judging.ReviewStats;
import java.util.List;
import java.util.Optional;

/**
 * Overview's review step: the judgements so far against what the next round asks for, and where items come from when none
 * wait. Reviewers answering too fast to have read come first, as on Review quality.
 */
final class JudgeStep {
    /** The newest tickets without an intent looked at for ones no item was made from: enough to say "some", at a bounded cost. */
    static final int UNREVIEWED_LOOK = 1_000;

    private JudgeStep() {
    }

    /** {@code tooFast}: the reviewers Review quality marks "very fast". */
    static FirstWeek.Step of(ReviewStats.Totals judged, LatestRounds rounds, List<String> tooFast, String reviewAddress) {
        long judgements = judged.judgements();
        long waiting = ReviewItem.countOpen();
        // An undecided round's own count is the evidence to follow: ticked at the first round's rule of thumb, the step read as
        // done while the round asked for more.
        Optional<RoundEstimate> asked = rounds.asked();
        boolean judgedEnough = asked.map(RoundEstimate::met).orElse(judgements >= FirstWeek.FIRST_ROUND_JUDGEMENTS);
        String wanted = asked.map(e -> e.forRound(rounds.finished().orElseThrow().id))
                .orElse(LifecycleMessages.firstRoundJudgements(judgements, FirstWeek.FIRST_ROUND_JUDGEMENTS));
        return new FirstWeek.Step("Have reviewers judge replies", judgedEnough,
                (judgements == 0 ? "No judgements yet" : Counts.of(judgements, "judgement") + " by " + Counts.of(judged.reviewers(), "reviewer"))
                        + asked.map(e -> "; " + rounds.askedFor(e)).orElse(" (about "
                        + LifecycleMessages.firstRoundRule(FirstWeek.FIRST_ROUND_JUDGEMENTS) + ")")
                        + "; " + Counts.of(waiting, "item") + " waiting.",
                ReviewNextStep.talkFirst(tooFast, FirstWeek.ON_REVIEW_QUALITY, judgeAction(waiting, judgedEnough,
                        ReviewItem.countUnreviewedTickets(UNREVIEWED_LOOK), reviewAddress, wanted)),
                "/admin/review");
    }

    /**
     * With nothing waiting to be judged, "ask your reviewers" would be a dead end: say where items come from first. Imported
     * tickets without an intent are that source: with some not yet made into items, items are made from them as reviewers open
     * the page, so the step must not ask for the import the lead just did (once all were, it must).
     * {@code judgedEnough}: as many judgements as the latest round asked for, or before any could, its rule of thumb.
     * {@code wanted}: how many more judgements, and what for ("about 60 more judgements give a first round a fair chance…").
     */
    static String judgeAction(long waiting, boolean judgedEnough, long unlabelled, String reviewAddress, String wanted) {
        String ask = "sk your reviewers to open " + reviewAddress + " and judge pairs of replies: " + wanted
                + ". Follow their progress on Review quality.";
        if (waiting == 0 && !judgedEnough && unlabelled > 0) {
            return "Review items are made from the " + Counts.of(unlabelled, "ticket") + (unlabelled >= UNREVIEWED_LOOK ? " or more" : "")
                    + " without an intent that no reviewer has seen yet (and from"
                    + " customers' requests, once the helpdesk is connected) as reviewers open the review page: a" + ask;
        }
        return waiting == 0 && !judgedEnough ? "There is nothing to judge yet: review items are made from"
                + " customers' requests (connect your helpdesk with a key from Users, Create an API key for a helpdesk) and from imported tickets without an intent, not"
                + " from the labelled ones the model learns from. Import some recent tickets without a label, or connect the helpdesk;"
                + " then a" + ask : "A" + ask;
    }
}
