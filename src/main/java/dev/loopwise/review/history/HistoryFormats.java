package dev.loopwise.review.history;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.ticket.SlotFiller;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/** How a past judgement reads on My judgements, and the page's sentences as {@code {history:...}} (in {@link ReviewMessages}). */
@TemplateExtension
public class HistoryFormats {
    private HistoryFormats() {
    }

    /** "A was better", "Tie", "Skipped: The ticket is in German". */
    static String choiceText(PastJudgement judgement) {
        return ReviewMessages.choiceInWords(judgement.choice(), judgement.reason());
    }

    /** The stars given to one side as the page writes them ("4 of 5 stars"), or null when that side was not rated. */
    static String starsOf(PastJudgement judgement, String side) {
        Integer stars = judgement.ratings().get(side);
        return stars == null ? null : stars + " of 5 " + (stars == 1 ? "star" : "stars");
    }

    /**
     * The reply shown as {@code side} ("A" or "B"), whole and with its line breaks, each open slot a named blank as the
     * judging page showed it.
     */
    static List<SlotFiller.Piece> reply(PastJudgement judgement, String side) {
        return SlotFiller.pieces("A".equals(side) ? judgement.replyA() : judgement.replyB());
    }

    /** The better reply the reviewer wrote, its slots as blanks as in the replies beside it. */
    static List<SlotFiller.Piece> rewriteWithBlanks(PastJudgement judgement) {
        return SlotFiller.pieces(judgement.rewrite());
    }

    /** "Judgement #123": the id a reviewer can quote when asking about one of their choices. */
    static String label(PastJudgement judgement) {
        return ReviewMessages.historyLabel(judgement.judgementId());
    }

    static boolean chose(PastJudgement judgement, String side) {
        return side.equals(judgement.choice());
    }

    /** The two replies' letters in the order they were shown. */
    @TemplateExtension(namespace = "history")
    static List<String> sides() {
        return List.of("A", "B");
    }

    @TemplateExtension(namespace = "history")
    static String intro() {
        return ReviewMessages.HISTORY_INTRO;
    }

    @TemplateExtension(namespace = "history")
    static String next(long undoSeconds) {
        return ReviewMessages.historyNext(undoSeconds);
    }

    @TemplateExtension(namespace = "history")
    static String empty() {
        return ReviewMessages.HISTORY_EMPTY;
    }

    @TemplateExtension(namespace = "history")
    static String noOlder() {
        return ReviewMessages.HISTORY_NO_OLDER;
    }

    @TemplateExtension(namespace = "history")
    static String link() {
        return ReviewMessages.HISTORY_LINK;
    }

    /** What the review home says My judgements holds, after the link. */
    @TemplateExtension(namespace = "history")
    static String linkOnHome() {
        return ReviewMessages.HISTORY_LINK_HOME;
    }

    /** What the judging page says My judgements holds, after the link. */
    @TemplateExtension(namespace = "history")
    static String linkOnJudging() {
        return ReviewMessages.HISTORY_LINK_JUDGING;
    }
}
