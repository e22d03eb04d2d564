package dev.loopwise.review.judging;

import dev.loopwise.common.JudgementMessages;
import dev.loopwise.common.ReviewMessages;
import dev.loopwise.common.text.Counts;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Locale;

/** How review figures read on pages, and the review pages' sentences as {@code {review:...}} (they live in {@link ReviewMessages}). */
@TemplateExtension
public class ReviewFormats {

    /** A median under this is too quick to read a ticket and two replies: answers given without reading. */
    static final double TOO_FAST_SECONDS = 3;
    /** Judgements before the pace says anything: a first few quick ones are the easy items. */
    static final int PACE_EVIDENCE = 10;

    /** Whether a reviewer's median time per item is too short to have read the items. */
    static boolean tooFast(ReviewStats.ReviewerStats reviewer) {
        return reviewer.medianSeconds() != null && reviewer.judgements() >= PACE_EVIDENCE && reviewer.medianSeconds() < TOO_FAST_SECONDS;
    }

    static String agreementText(ReviewStats.Home home) {
        return home.agreement() == null ? "—" : String.format("%.0f%%", home.agreement() * 100);
    }

    /** What α rests on: the overlap items, and when they are too few to tell, how many more would be. */
    static String alphaEvidence(ReviewStats.Overall overall) {
        int units = overall.overlapUnits();
        String items = Counts.of(units, "overlap item");
        return units >= ReviewNextStep.AGREEMENT_EVIDENCE ? items : items + ": too few to tell yet, about "
                + (ReviewNextStep.AGREEMENT_EVIDENCE - units) + " more needed";
    }

    /**
     * α as the page shows it: a dash while the overlap items are too few to tell, since "0.00" on two items reads as a
     * verdict on the reviewers; "all alike" when every shared item got one answer from everyone, which leaves α
     * undefined (no disagreement to expect by chance); else the value with two decimals.
     */
    static String alphaShown(ReviewStats.Overall overall) {
        return overall.overlapUnits() < ReviewNextStep.AGREEMENT_EVIDENCE ? "—"
                : overall.alpha() == null ? ALL_ALIKE : String.format(Locale.ROOT, "%.2f", overall.alpha());
    }

    /** κ as the page shows it: as α, and "n/a" when more than two reviewers share the items, since κ compares exactly two. */
    static String kappaShown(ReviewStats.Overall overall) {
        if (overall.overlapUnits() < ReviewNextStep.AGREEMENT_EVIDENCE) {
            return "—";
        }
        return overall.kappa() != null ? String.format(Locale.ROOT, "%.2f", overall.kappa())
                : overall.alpha() == null ? ALL_ALIKE : "n/a";
    }

    static final String ALL_ALIKE = "all alike";

    /**
     * "62% (34–87%), from 12 shared or gold items": the weight with its 90% interval, so a weight resting on little
     * evidence shows it; before there is enough to judge a person on, the neutral weight and how much more is needed.
     * A percentage, since the page calls the weight a chance of picking the right answer, as it says every other share.
     */
    static String weightRange(ReviewStats.ReviewerStats reviewer) {
        int evidence = reviewer.overlapCompared() + reviewer.goldJudged();
        if (reviewer.evidenceNeeded() > 0) {
            return String.format(Locale.ROOT, "%.0f%%, as for everyone, until %d shared or gold items (%s; about %d more needed)",
                    reviewer.weight() * 100, evidence + reviewer.evidenceNeeded(), evidence == 0 ? "none yet" : evidence + " so far",
                    reviewer.evidenceNeeded());
        }
        return String.format(Locale.ROOT, "%.0f%% (%.0f–%.0f%%), from %s", reviewer.weight() * 100, reviewer.weightLow() * 100,
                reviewer.weightHigh() * 100, Counts.of(evidence, "shared or gold item"));
    }

    /**
     * An item's kind as the lead reads it: who answers it and why. The stored codes ("regular", "overlap") name nothing a
     * support lead knows; the gold-making fold beside the table speaks of shared and gold items.
     */
    static String kindText(ReviewItem item) {
        return switch (item.kind) {
            case ReviewItem.GOLD -> "gold: its answer is fixed";
            case ReviewItem.OVERLAP -> "shared by " + Counts.of(item.requiredJudgements, "reviewer")
                    + ", to measure agreement";
            default -> "for " + Counts.of(item.requiredJudgements, "reviewer");
        };
    }

    @TemplateExtension(namespace = "review")
    static String homeIntro() {
        return ReviewMessages.REVIEW_HOME_INTRO;
    }

    @TemplateExtension(namespace = "review")
    static String waitingNote() {
        return ReviewMessages.REVIEW_WAITING_NOTE;
    }

    @TemplateExtension(namespace = "review")
    static String todayNote() {
        return ReviewMessages.REVIEW_TODAY_NOTE;
    }

    @TemplateExtension(namespace = "review")
    static String nothingWaitingNow() {
        return ReviewMessages.REVIEW_NOTHING_WAITING_NOW;
    }

    /** Whether the home says that starting still makes items: nothing waits, yet a model answers, so items can be made. */
    static boolean startMakesItems(ReviewStats.Home home, boolean noModelYet) {
        return home.waiting() == 0 && !noModelYet;
    }

    @TemplateExtension(namespace = "review")
    static String noModelYet() {
        return ReviewMessages.REVIEW_NO_MODEL_YET;
    }

    @TemplateExtension(namespace = "review")
    static String queueToppedUp() {
        return ReviewMessages.REVIEW_QUEUE_TOPPED_UP;
    }

    @TemplateExtension(namespace = "review")
    static String emptyQueue() {
        return ReviewMessages.REVIEW_EMPTY_QUEUE;
    }

    @TemplateExtension(namespace = "review")
    static String stillEmpty() {
        return ReviewMessages.REVIEW_STILL_EMPTY;
    }

    @TemplateExtension(namespace = "review")
    static String lookFailed() {
        return ReviewMessages.REVIEW_LOOK_FAILED;
    }

    @TemplateExtension(namespace = "review")
    static String setAsideNote() {
        return ReviewMessages.REVIEW_SET_ASIDE_NOTE;
    }

    @TemplateExtension(namespace = "review")
    static String setAsideListNote(int shown, long setAside) {
        return ReviewMessages.setAsideList(shown, setAside, ReviewStats.SET_ASIDE_DAYS);
    }

    /** Overlap items below which a day's agreement is drawn as a small dot: too few to tell. */
    @TemplateExtension(namespace = "review")
    static int agreementEvidence() {
        return ReviewNextStep.AGREEMENT_EVIDENCE;
    }

    static String agreementNote(ReviewStats.Home home) {
        return ReviewMessages.agreementNote(home.shared(), home.sharedNeeded());
    }

    @TemplateExtension(namespace = "review")
    static int maxRewrite() {
        return Submission.MAX_REWRITE;
    }

    /** The limit as the page writes it: "4,000". */
    @TemplateExtension(namespace = "review")
    static String maxRewriteText() {
        return Counts.number(Submission.MAX_REWRITE);
    }

    @TemplateExtension(namespace = "review")
    static String lostRewrite() {
        return JudgementMessages.LOST_REWRITE;
    }

    @TemplateExtension(namespace = "review")
    static String justAppeared() {
        return ReviewMessages.REVIEW_JUST_APPEARED;
    }

    @TemplateExtension(namespace = "review")
    static String shortcuts() {
        return ReviewMessages.REVIEW_SHORTCUTS;
    }

    @TemplateExtension(namespace = "review")
    static String choiceKept() {
        return ReviewMessages.REVIEW_CHOICE_KEPT;
    }

    @TemplateExtension(namespace = "review")
    static String choiceLost() {
        return ReviewMessages.REVIEW_CHOICE_LOST;
    }

    @TemplateExtension(namespace = "review")
    static String choiceUnsent() {
        return ReviewMessages.REVIEW_CHOICE_UNSENT;
    }

    @TemplateExtension(namespace = "review")
    static String nextUnanswered() {
        return ReviewMessages.REVIEW_NEXT_UNANSWERED;
    }

    @TemplateExtension(namespace = "review")
    static String judgedElsewhere() {
        return ReviewMessages.REVIEW_JUDGED_ELSEWHERE;
    }

    @TemplateExtension(namespace = "review")
    static String outOfScopeNoteAfterButton() {
        return ReviewMessages.REVIEW_OUT_OF_SCOPE_NOTE_AFTER_BUTTON;
    }

    @TemplateExtension(namespace = "review")
    static String nothingToUndo() {
        return ReviewMessages.REVIEW_NOTHING_TO_UNDO;
    }

    @TemplateExtension(namespace = "review")
    static String reasonRequired() {
        return ReviewMessages.SKIP_REASON_REQUIRED;
    }

    @TemplateExtension(namespace = "review")
    static List<String> skipReasons() {
        return ReviewMessages.SKIP_REASONS;
    }

    @TemplateExtension(namespace = "review")
    static String sourcesHeading() {
        return ReviewMessages.REVIEW_SOURCES_HEADING;
    }

    @TemplateExtension(namespace = "review")
    static String sourcesHint() {
        return ReviewMessages.REVIEW_SOURCES_HINT;
    }

    /** The key of "Other…", after the listed reasons' 1, 2, 3. */
    @TemplateExtension(namespace = "review")
    static int otherReasonKey() {
        return ReviewMessages.SKIP_REASONS.size() + 1;
    }
}
