package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.TemplateFormats;
import java.time.OffsetDateTime;

/**
 * How the pages beside Rounds (Overview, Review quality, Models) speak of the latest rounds: one round under way, and the
 * latest finished one beside it. Kept in one place so that no page names a round differently from another.
 */
public final class RoundMessages {
    private RoundMessages() {
    }

    /** A round's address whose round does not exist: the page's words, or the API's, which keeps its field's term. */
    public static String noRound(long id, boolean page) {
        return (page ? "No improvement round " : "No alignment round ") + id + ".";
    }

    /** A round queued or running, as Overview and Review quality both say it. */
    public static String underWay(long round, boolean running) {
        return "Round " + round + (running ? " is running: follow it on Rounds." : " is queued: it starts once the training or round"
                + " running now ends.");
    }

    /** A running round whose instance went silent, as Overview and Review quality say it instead of {@link #underWay}. */
    public static String underWaySilent(long round, OffsetDateTime lastHeard, OffsetDateTime failsAt) {
        return "Round " + round + " is running, but " + JobMessages.silent("running", null, lastHeard, failsAt) + ".";
    }

    /**
     * The latest finished round at the start of a sentence: beside a round under way its figures are that round's, not the
     * running one's, so they are labelled as the latest finished round's.
     */
    public static String finished(long round, boolean besideUnderWay) {
        return besideUnderWay ? "The latest finished round, round " + round + "," : "Round " + round;
    }

    /** Overview's round step while a round is under way: nothing to start, the round's page follows it. */
    public static String followUnderWay(long round, boolean running) {
        return running ? "Follow round " + round + " on its page while it runs; once it ends, this page says what to do next."
                : "Round " + round + " waits for the training or round running now, then runs by itself: follow it on Rounds.";
    }

    /** Where Overview and Rounds send the lead to see which reviewers answer too fast ("marked \"very fast\" on Review quality"). */
    public static final String ON_REVIEW_QUALITY = "on Review quality";
    /**
     * The Rounds page's link beside that warning. It ends the paragraph, after the step that follows the warning (a round's
     * outcome, say), so it names whom it shows: "them" would read as that round's.
     */
    public static final String SEE_FAST_REVIEWERS = "See the very fast reviewers on Review quality →";

    /** Overview's step, once the first week is done, while Review quality marks reviewers "very fast". */
    public static final String TALK_TO_FAST = "Talk to the reviewers who answer too fast";
    /** After {@link ReviewMessages#tooFastReviewers}: what ends the mark, so the lead knows when the step is done. */
    public static final String FAST_THEN = "Read a few of their judged items with them; the mark goes once their newest judgements"
            + " are made at a reading pace.";

    public static String fastStatus(int reviewers) {
        return Counts.of(reviewers, "reviewer") + " marked \"very fast\" on Review quality.";
    }

    /** Overview's round step before any round: what a round does, in a lead's words. */
    public static final String START_FIRST = "On Rounds, start a round: Loopwise learns what reviewers prefer and promotes a better"
            + " version only when the evidence shows it.";

    /** What a finished round did, the round named as {@link #finished} names it. */
    public static String promoted(String round, Integer version) {
        return round + " made the answers better: version " + version + " now answers.";
    }

    public static String superseded(String round) {
        return round + " ended unused: the active version changed while it ran.";
    }

    public static String rejected(String round) {
        return round + " found its new version no better, so customers kept the active one (its page says why).";
    }

    /**
     * A round's version the round did not promote, since promoted by hand: what customers got from it, so that "changed
     * nothing for customers" is never said of a version that served. {@code left}: when another version took its place
     * (null while it serves, or when that switch is no longer on record); {@code next}: that version.
     */
    public static String servedByHand(int version, OffsetDateTime promoted, boolean promotedMoreThanOnce, boolean serving,
                                      OffsetDateTime left, Integer next) {
        String since = "its version v" + version + " was " + (promotedMoreThanOnce ? "first " : "") + "promoted by hand on "
                + TemplateFormats.when(promoted);
        if (serving || left == null) {
            return since + (serving ? " and is serving customers now" : " and served customers for a while");
        }
        return since + " and served customers until " + TemplateFormats.when(left) + ", when "
                + (next != null && next < version ? "it was rolled back to v" + next : "v" + next + " took its place");
    }

    /**
     * How one intent's replies changed in a round, on its held-out tickets: {@code candidate} and {@code active} are those the
     * new and the active version's first reply fits.
     */
    public static String intentReplyChange(int candidate, int active) {
        int d = candidate - active;
        return d == 0 ? "no change" : Counts.of(Math.abs(d), "ticket") + (d < 0 ? " fewer fit" : " more fit");
    }

    /** A share of one intent's held-out tickets: a count on a few, where a percentage would claim a precision it lacks. */
    public static String shareOf(int right, int tickets, int fewest) {
        return tickets < fewest ? right + " of " + tickets : String.format("%.1f%%", 100.0 * right / tickets);
    }

    /** The fold under a round's per-intent table: how many intents there are in all and how many it holds. */
    public static String showAllIntents(int all, int folded) {
        return "Show all " + all + " intents (" + folded + " more, none of them worse)";
    }
}
