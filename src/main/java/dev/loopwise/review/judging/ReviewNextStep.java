package dev.loopwise.review.judging;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.ReviewMessages;
import dev.loopwise.common.text.Counts;
import java.util.List;

/** What a support lead should do next about review, from the page's own figures. */
public final class ReviewNextStep {
    /** Judgements that give a first round a fair chance to decide (fewer mostly end "not enough evidence yet"). */
    public static final int FIRST_ROUND_JUDGEMENTS = 100;
    /** Below this agreement (Krippendorff's α) on enough shared items, reviewers judge by different standards. */
    static final double LOW_AGREEMENT = 0.4;
    static final int AGREEMENT_EVIDENCE = 20;

    static final String NO_MODEL_YET = "Train a model first, on Models: each review item sets two replies the model picks for a"
            + " ticket side by side, so until a version answers there is nothing for reviewers to judge, and the figures on this"
            + " page stay empty.";

    private ReviewNextStep() {
    }

    /**
     * Reviewers answering faster than anyone can read come first, whatever else is due: their judgements would train the
     * next round as if they had been read. The step due otherwise follows, since talking to them does not end the flag.
     */
    static String of(ReviewStats.Overall overall, long pendingRewrites, int listed) {
        return of(overall, pendingRewrites, listed, true, "/review");
    }

    /**
     * {@code modelAnswers}: a model version is active; without one no item can be made, so figures stay empty.
     * {@code reviewAddress}: the full address of the reviewers' page, which the lead can send them as it is.
     */
    public static String of(ReviewStats.Overall overall, long pendingRewrites, int listed, boolean modelAnswers, String reviewAddress) {
        return of(overall, pendingRewrites, listed, modelAnswers, reviewAddress, null);
    }

    /** {@code roundStep}: the latest round's page's next step while it could not decide yet, null otherwise. */
    public static String of(ReviewStats.Overall overall, long pendingRewrites, int listed, boolean modelAnswers, String reviewAddress,
                            String roundStep) {
        String step = !modelAnswers && pendingRewrites == 0 && overall.openItems() == 0 ? NO_MODEL_YET
                : step(overall, pendingRewrites, reviewAddress, roundStep);
        if (pendingRewrites > listed) {
            step += " The oldest " + listed + " are listed; each decision brings up the next.";
        }
        return talkFirst(tooFast(overall.reviewers()), "below", step);
    }

    /** The reviewers Review quality marks "very fast", by name: the one rule both it and Overview warn by. */
    public static List<String> tooFast(List<ReviewStats.ReviewerStats> reviewers) {
        return reviewers.stream().filter(ReviewFormats::tooFast).map(ReviewStats.ReviewerStats::username).toList();
    }

    /**
     * {@code step}, after the warning when reviewers answer too fast: any round started first would learn from their
     * judgements as if they had been read, so no page may send the lead to one before that. {@code where}: where the page
     * shows their mark ("below", "on Review quality").
     */
    public static String talkFirst(List<String> tooFast, String where, String step) {
        return tooFast.isEmpty() ? step : ReviewMessages.tooFastReviewers(tooFast, ReviewFormats.TOO_FAST_SECONDS, where) + " Then: "
                + Character.toLowerCase(step.charAt(0)) + step.substring(1);
    }

    private static String step(ReviewStats.Overall overall, long pendingRewrites, String reviewAddress, String roundStep) {
        if (pendingRewrites > 0) {
            return Counts.of(pendingRewrites, "proposed reply|proposed replies") + " (reviewers' rewrites, or replies taken from agents'"
                    + " answers) " + (pendingRewrites == 1 ? "waits" : "wait") + " for your decision below: accept the good ones into the library.";
        }
        if (overall.alpha() != null && overall.overlapUnits() >= AGREEMENT_EVIDENCE && overall.alpha() < LOW_AGREEMENT) {
            // Telling reviewers they disagree is a statement about people: only when the interval's upper end is under the
            // line too, so that chance on the items so far cannot explain it.
            AlphaInterval.Interval interval = overall.alphaInterval();
            if (interval != null && interval.high() < LOW_AGREEMENT) {
                return "Reviewers often disagree on the same items: agree in writing on what makes a reply better, and talk to "
                        + "anyone whose figures are far below the others'. Rounds weigh each reviewer by how reliable they are.";
            }
            return ReviewMessages.disagreementUnsure(overall.overlapUnits(), interval == null ? -1 : interval.moreItemsToTell(LOW_AGREEMENT))
                    + " " + unlessDisagreeing(overall, reviewAddress, roundStep);
        }
        return unlessDisagreeing(overall, reviewAddress, roundStep);
    }

    private static String unlessDisagreeing(ReviewStats.Overall overall, String reviewAddress, String roundStep) {
        if (roundStep != null) {
            // The round's own count, not the first round's rule of thumb nor "enough for a round": another round started
            // before it asked for would most likely end undecided again.
            return roundStep + (overall.openItems() == 0 ? " No items wait for reviewers: make some below, then ask reviewers to open "
                    + reviewAddress + " (send them this address)." : " Reviewers judge at " + reviewAddress + " (send them this address).");
        }
        if (overall.openItems() == 0) {
            return "No items wait for reviewers: make some below (each pairs the model's two best replies for a recent ticket; when"
                    + " there is no ticket to make one from, the message above says what to do), then ask reviewers to open "
                    + reviewAddress + " (send them this address).";
        }
        if (overall.judgements() < FIRST_ROUND_JUDGEMENTS) {
            return Counts.of(overall.openItems(), "item") + " " + (overall.openItems() == 1 ? "waits" : "wait")
                    + " for reviewers at " + reviewAddress + " (send them this address). A" + LifecycleMessages.firstRoundJudgements(overall.judgements(),
                    FIRST_ROUND_JUDGEMENTS).substring(1) + ".";
        }
        String waiting = Counts.of(overall.openItems(), "item") + " still " + (overall.openItems() == 1 ? "waits" : "wait") + " for reviewers.";
        if (overall.overlapUnits() < AGREEMENT_EVIDENCE) {
            // A round weighs reviewers by their agreement; on a handful of shared items nobody can tell yet.
            int missing = AGREEMENT_EVIDENCE - overall.overlapUnits();
            return "There are enough judgements for a round, but not yet enough to tell whether reviewers agree: about "
                    + Counts.of(missing, "more item") + " judged by two reviewers " + (missing == 1 ? "is" : "are") + " needed (they come up "
                    + "on their own while reviewers work). Keep reviewing, or start a round on Rounds now and read its checks. " + waiting;
        }
        return "There are enough judgements for a round: start one on Rounds. " + waiting;
    }
}
