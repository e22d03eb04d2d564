package dev.loopwise.common;

import java.util.Locale;

/**
 * Why a judgement was not taken. When it was well formed, the item is no longer the reviewer's to answer: each of those
 * says that nothing was saved and what comes next, since the judging page shows the sentence and then the next ticket.
 * The others say what in the judgement to fix.
 */
public final class JudgementMessages {
    private JudgementMessages() {
    }

    public static final String NOT_LEASED = "This item is not yours to judge now (it was not handed to you, or you left it open"
            + " for more than a day), so this choice was not saved. Take the next item and judge that one.";
    public static final String LEASE_EXPIRED = "You kept this item longer than its time allows and another reviewer took it, so"
            + " this choice was not saved. Take the next item and judge that one.";
    public static final String ITEM_COMPLETE = "Other reviewers gave this item all the judgements it needs meanwhile, so this"
            + " choice was not saved. Take the next item and judge that one.";
    /** Over a rewrite a refused choice took with it, kept on the page to copy since the next ticket replaces its own. */
    public static final String LOST_REWRITE = "The rewrite you wrote for the ticket before was not saved: open this to copy it"
            + " (it stays here, under the choices, until your next choice).";

    public static final String RATING_RANGE = "A rating is 1 to 5 stars.";
    public static final String NEGATIVE_DURATION = "durationMs cannot be negative.";

    public static String ratingLetter(String letter) {
        return "Ratings are given for A and B only, not '" + letter + "'.";
    }

    /** Letters are taken in any case, so "A" and "a" both rate reply A: which stars were meant cannot be told. */
    public static String ratedTwice(String letter) {
        return "Reply " + letter + " is rated twice ('" + letter + "' and '" + letter.toLowerCase(Locale.ROOT) + "'): give its stars once.";
    }

    /** Stars that rate the other reply higher than the one chosen: one of the two answers is a slip. */
    public static String starsContradict(String ratedHigher) {
        return "Your stars rate " + ratedHigher + " higher than the reply you chose as better: choose that one, or change the stars.";
    }

    /** A tie whose stars say one reply is clearly the better. */
    public static String tieStarsApart(int starsA, int starsB, int maxGap) {
        return "Your stars rate A " + starsA + " and B " + starsB + ", which is no tie (a tie's stars differ by at most " + maxGap
                + "): choose the reply you rated higher, or change the stars.";
    }

    /** Both bad, with stars that call one of the replies good. */
    public static String badReplyRatedWell(String letter, int stars, int maxStars) {
        return "Your stars rate " + letter + " " + stars + " of 5, which is no bad reply (both bad takes at most " + maxStars
                + " stars a side): choose the better reply, or change the stars.";
    }

    public static String rewriteHidden(String found) {
        return "A rewrite cannot hold control characters or invisible marks such as one that reverses the writing direction (found "
                + found + "); remove it and send again.";
    }

    public static String noItem(long itemId) {
        return "No review item " + itemId + ".";
    }
}
