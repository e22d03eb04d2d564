package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.util.List;

/**
 * What reviewers and the review-quality page read: the judging page and the review API's sentences. Kept beside
 * {@link Messages} (the rest of the product's user-facing sentences) so that each stays readable as one list.
 */
public final class ReviewMessages {
    private ReviewMessages() {
    }

    public static final String JUDGEMENT_BODY_REQUIRED = "The request has no body (or null): send the judgement as {\"choice\": \"A\"} (A, B,"
            + " tie, both_bad, out_of_scope, or skip with a \"reason\") with Content-Type application/json.";

    /** The reviewer's home, first lines: the pages a reviewer sees call what answers customers "the model", so this does too. */
    public static final String REVIEW_HOME_INTRO = "Compare two candidate replies to a real customer ticket and say which is better."
            + " Your judgements teach the model that answers customers which replies your team prefers; nobody sees anyone else's"
            + " answers.";
    public static final String REVIEW_SAVED = "Saved.";
    public static final String REVIEW_SAVED_WITH_REWRITE = "Saved, with your rewrite for an admin to accept.";
    public static final String REVIEW_SAVED_OUT_OF_SCOPE =
            "Saved as out of scope: the ticket now teaches the model to hand such requests to a person.";
    public static final String REVIEW_SKIPPED = "Skipped; the item goes to another reviewer.";
    public static final String REVIEW_UNDONE = "Your last choice was taken back: here is that item again.";
    public static final String REVIEW_CHOICE_WAITS = "Your session ended before your last choice on the judging page was"
            + " saved. It is kept in this browser tab: log in again here and it is saved for you.";
    /** Followed by what the server said of the choice ("Saved."), so it does not say saved itself. */
    public static final String REVIEW_CHOICE_KEPT = "You were signed out before your last choice reached Loopwise; it was kept"
            + " in this tab and sent when you logged back in:";
    public static final String REVIEW_CHOICE_LOST = "You were signed out before your last choice reached Loopwise, and its item"
            + " went back to the queue meanwhile: the choice was not saved.";
    public static final String REVIEW_NOTHING_TO_UNDO = "Nothing to undo: U takes back your most recent choice, and only once.";
    /** Page text beside the counter, not a hover title: keyboard and touch users cannot reach a title. */
    public static final String REVIEW_WAITING_NOTE = "Waiting: items you can still judge, the one on screen included. "
            + "New ones are made from incoming tickets while the team reviews, so it need not fall as you judge.";
    /**
     * Agreement under the line on the items so far, but not surely: {@code more} items judged by two reviewers that would
     * tell (0 or less: no estimate).
     */
    public static String disagreementUnsure(int shared, long more) {
        return "Reviewers may disagree on the same items, but the " + shared + " items judged by two or more of them cannot yet"
                + " tell that from chance" + (more > 0 ? ": about " + more + " more such " + (more == 1 ? "item" : "items") + " would" : "")
                + " (they come up on their own while reviewers work).";
    }

    /** Days everywhere in Loopwise are UTC days; a reviewer far from UTC would otherwise see the count reset mid-day unexplained. */
    public static final String REVIEW_TODAY_NOTE = "Judged today: your answers since midnight UTC (the day Loopwise counts in"
            + " everywhere), skips left out.";
    /** "0 waiting" alone reads as "nothing to do, leave", though starting makes new items whenever tickets allow. */
    public static final String REVIEW_NOTHING_WAITING_NOW = "None are waiting this moment. Start anyway: the judging page makes"
            + " new items from recent tickets when it can, and says so when there are none.";
    /** Before the first model version answers, no item can be made: "come back later" would not say for how long. */
    public static final String REVIEW_NO_MODEL_YET = "Nothing to review yet: no model answers tickets so far, and each item"
            + " sets two of its replies side by side. An admin trains the first one on the Models page; items appear here as soon"
            + " as it answers.";
    /** The judging page with nothing to judge: what happens next and what the reviewer can do, not just "come back later". */
    public static final String REVIEW_EMPTY_QUEUE = "Nothing for you to judge right now. New items are made as customers write in"
            + " and tickets without an intent are imported: press Look again in a while, or go back to your figures.";
    public static final String REVIEW_STILL_EMPTY = "Still nothing to judge: try again in a while.";
    /** Look again that did not reach Loopwise (the network, a restart): said, else the press looks ignored. */
    public static final String REVIEW_LOOK_FAILED = "Could not look for new items just now: Loopwise did not answer (the network,"
            + " or a restart). Press Look again in a moment.";
    /** A choice that did not reach Loopwise (the network, a restart): nothing was stored, and the item stays as it was. */
    public static final String REVIEW_CHOICE_UNSENT = "Your choice was not saved: Loopwise did not answer (the network, or a"
            + " restart). The ticket stays on screen with what you wrote: choose again in a moment.";
    /** After a saved choice, the next item's request that Loopwise did not answer: said after what the choice's answer said. */
    public static final String REVIEW_NEXT_UNANSWERED = "The next ticket did not come: Loopwise did not answer (the network, or a"
            + " restart). Press Look again in a moment.";
    /** Said once on the judging page, the first time a judgement leaves Waiting where it was: else it reads as stuck. */
    public static final String REVIEW_QUEUE_TOPPED_UP = "Waiting did not fall: new items were made from incoming tickets meanwhile.";
    /** Another answer to the same item came first (another tab or device); the API's undo is in its documentation. */
    public static final String ALREADY_JUDGED = "You already answered this item differently (in another tab or on another device?). "
            + "That answer stands; it can be undone only in the first seconds after it was given (on the judging page: reload it, "
            + "then press U; through the API: POST /api/v1/review/{itemId}/undo).";
    /**
     * The judging page's answer when another tab (or device) of the same reviewer answered the item first: this tab's choice
     * was not stored, so it offers no undo for it; the API's own sentence ({@link #ALREADY_JUDGED}) says how to undo there.
     */
    public static final String REVIEW_JUDGED_ELSEWHERE = "You had already judged this ticket in another tab or on another"
            + " device, so this choice was not saved: the first answer stands. Here is the next ticket.";
    /**
     * Page text under the choices: what "None fits: out of scope" does, where keyboard and touch users read it too. A
     * lower-case fragment never shown alone: the page writes the button's name and a dash before it as the button shows it,
     * shorter on a phone.
     */
    public static final String REVIEW_OUT_OF_SCOPE_NOTE_AFTER_BUTTON = "for a ticket support does not answer with"
            + " a reply from the library (not a support request, another company's product, gibberish). The model learns to hand"
            + " tickets like it to a person.";
    public static final String REVIEW_SET_ASIDE_NOTE = "Set aside: items that several reviewers skipped (3 unless set otherwise) are no "
            + "longer handed out, so they do not block the queue; undoing a skip brings an item back.";
    /** Above the list of set-aside items: what is listed, and what an admin can do with each. */
    public static String setAsideList(int shown, long setAside, int days) {
        return (shown < setAside ? "The newest " + shown + " of the " + setAside + " items" : setAside == 1 ? "The item" : "The " + setAside + " items")
                + " set aside after skips, of those made in the last " + days + " days, with why reviewers skipped them. If you know the right answer, set it:"
                + " the item becomes a gold item and goes back to reviewers, with your answer as the check. One that needs"
                + " knowledge or a language your reviewers lack can stay here: it no longer holds up the queue.";
    }
    /** The reasons offered when a reviewer skips (S); "Other" asks for the reviewer's own words. */
    public static final List<String> SKIP_REASONS =
            List.of("Not sure which reply is better", "Needs knowledge I don't have", "Written in a language I can't read");
    public static String reasonHidden(String found) {
        return "A skip reason cannot hold control characters or invisible marks such as one that reverses the writing direction"
                + " (found " + found + "); remove it and send again.";
    }

    public static final String SKIP_REASON_REQUIRED = "Say why you skip (for example: not sure which reply is better).";
    public static final String NO_RATINGS_WHEN_SKIPPING = "A skipped item is not judged: send no stars (ratings) with a skip.";
    public static final String NO_REWRITE_WITH_CHOICE = "A rewrite proposes a better library reply, which a skipped or out-of-scope"
            + " ticket does not get: choose A, B, tie or both bad with it, or clear it.";
    public static final String REASON_ONLY_WHEN_SKIPPING = "A reason goes with a skip only: leave it out, or choose skip.";
    /** Above the knowledge-base passages shown with an item whose replies include an LLM draft. */
    public static final String REVIEW_SOURCES_HEADING = "What the knowledge base said — check the replies against it";
    public static final String REVIEW_SOURCES_HINT = "The LLM writes its drafts from these passages. A reply that contradicts them, "
            + "or promises more than they say, is the worse one.";
    public static final String INVALID_CHOICE = "choice must be A, B, tie, both_bad, out_of_scope or skip.";

    public static String undoTooLate(long windowSeconds, long secondsAgo) {
        return "Too late to undo: a choice can be taken back for " + Counts.of(windowSeconds, "second")
                + " after it is made, and this one was made " + Counts.of(secondsAgo, "second") + " ago.";
    }

    /** When reviewers' median time per item is too short to have read the items; {@code where}: where their mark shows. */
    public static String tooFastReviewers(List<String> usernames, double seconds, String where) {
        String names = usernames.size() == 1 ? usernames.get(0)
                : String.join(", ", usernames.subList(0, usernames.size() - 1)) + " and " + usernames.get(usernames.size() - 1);
        return names + (usernames.size() == 1 ? " answers" : " answer") + " faster than anyone can read a ticket and two replies"
                + " (a median under " + Counts.of(Math.round(seconds), "second") + " per item, marked \"very fast\" " + where + "): talk to"
                + " them before the next round, which learns from their judgements too.";
    }

    /** {@code accepted}: the rewrite went into the library (else an admin set it aside). */
    public static String rewriteAlreadyDecided(boolean accepted) {
        return "Too late to undo: an admin has already " + (accepted ? "added your rewrite to the reply library" : "looked at your"
                + " rewrite and set it aside") + ", so this judgement stays as it is.";
    }

    public static String nothingToUndoOn(long itemId) {
        return "You have no judgement on item " + itemId + " to undo.";
    }

    /**
     * Under a reviewer's agreement figure: what it is, and until it shows, how far they are from it ("several items" left a
     * new reviewer guessing whether the dash would ever go).
     */
    public static String agreementNote(int shared, int needed) {
        String what = "Agreement: how often your choice matches the other reviewers' on the same items; every answer counts"
                + " either way.";
        if (shared >= needed) {
            return what + " It rests on your " + Counts.of(shared, "item") + " judged by others too.";
        }
        return what + " It shows once " + needed + " of the items you judged have been judged by others too (a dash until then): "
                + (shared == 0 ? "none yet" : shared + " so far") + ". Such shared items come to you on their own as you review.";
    }
    /** Beside the judging page's key hints: letters that answer alone trip speech input (WCAG 2.1.4), so they can be off. */
    public static final String REVIEW_SHORTCUTS = "Single-key shortcuts (turn them off if speech input types into this page)";
    public static final String REVIEW_JUST_APPEARED = "Hold on: a new ticket just appeared. Read it first; keys pressed while it"
            + " loads are not taken as answers.";
    /** A rewrite's slot problem ({@code problem}: SlotFiller's sentence), said while the reviewer can still fix it. */
    public static String rewriteSlots(String problem) {
        return "In your rewrite: " + problem + " Nothing was saved: correct it and send again, or leave the rewrite out.";
    }

    /** {@code what}: "rewrite" or "skip reason"; lengths in characters as a person counts them. */
    public static String tooLong(String what, int length, int most) {
        return "Your " + what + " has " + Counts.number(length) + " characters; a " + what + " has at most " + Counts.number(most)
                + ". Shorten it and send again.";
    }

    /** My judgements, first lines: what the page is. */
    public static final String HISTORY_INTRO = "Every choice you made, newest first: the ticket, the two replies as you saw them"
            + " (A and B in the order shown, masked as on the judging page), what you chose, your stars and any better reply you"
            + " wrote. A choice you took back with undo is not listed.";
    public static final String HISTORY_EMPTY = "You have not judged anything yet. On the judging page, say which of two replies"
            + " answers a customer's ticket better; each choice you make appears here, newest first.";
    public static final String HISTORY_NO_OLDER = "No older judgements: this list ended on the page before.";
    /** The link to My judgements, and what follows it on the review home and on the judging page. */
    public static final String HISTORY_LINK = "My judgements";
    public static final String HISTORY_LINK_HOME = "every choice you made, newest first, as you saw it.";
    public static final String HISTORY_LINK_JUDGING = "look back at what you chose, newest first.";

    /** What to do next on My judgements: judging goes on elsewhere, and a choice stands once its undo window has passed. */
    public static String historyNext(long undoSeconds) {
        return "Keep judging on the judging page. A choice can be taken back there with undo (U) only within " + undoSeconds
                + " seconds of making it; after that it stands as given.";
    }

    /** A card's heading on My judgements names its judgement, so a reviewer can quote it. */
    public static String historyLabel(long judgementId) {
        return "Judgement #" + judgementId;
    }

    /** A judgement's choice in words, as the reviewer made it: A and B as they were shown. */
    public static String choiceInWords(String choice, String reason) {
        return switch (choice) {
            case "A" -> "A was better";
            case "B" -> "B was better";
            case "tie" -> "Tie";
            case "both_bad" -> "Both bad";
            case "out_of_scope" -> "Out of scope";
            case "skip" -> reason == null || reason.isBlank() ? "Skipped" : "Skipped: " + reason;
            default -> choice;
        };
    }
}
