package dev.loopwise.common;

import dev.loopwise.common.text.Counts;

/**
 * What the Review quality page answers an admin's actions with: making items, setting a gold item's answer, proposing,
 * accepting or discarding replies, comparing a candidate version. The reviewers' own sentences are in {@link ReviewMessages}.
 */
public final class ReviewAdminMessages {
    private ReviewAdminMessages() {
    }

    /** Ends a refusal of the Review quality page's "Make review items" form. */
    public static final String NOTHING_MADE = "Nothing was made.";

    /**
     * @param withoutReply intents that still have no reply, active or waiting (out of scope aside)
     * @param anyIntent whether the workspace has an intent besides out of scope: a new one has none to propose for
     */
    public static String repliesProposed(int proposed, long withoutReply, boolean anyIntent) {
        if (proposed == 0 && !anyIntent) {
            return "No replies proposed: there are no intents yet. Import labelled tickets with your agents' replies (the import's"
                    + " response column) on Import, then propose again.";
        }
        if (proposed == 0 && withoutReply > 0) {
            return "No replies proposed: " + Counts.of(withoutReply, "intent has|intents have") + " no reply yet, but none of"
                    + " their tickets holds an agent's answer (the import's response column). Write their replies on Replies.";
        }
        return proposed == 0 ? "No replies proposed: every intent has a reply already (or one waiting below)." : "Proposed " + Counts.of(proposed, "reply|replies") + " from your agents' answers, one per intent"
                + " without any: they wait below. Read each (an agent wrote it to one customer), then accept or discard it.";
    }

    /**
     * The notice after an admin asked for {@code asked} items: how many were made and, when fewer, why ({@code shortfall}
     * names a {@code Refill.Shortfall}; {@code window}: the newest served requests a refill reads).
     */
    public static String itemsMade(int made, int asked, String shortfall, int window) {
        String within = " the newest " + Counts.of(window, "served request") + " (and a sample of older ones) and the imported"
                + " tickets without an intent";
        String why = switch (shortfall == null ? "" : shortfall) {
            case "NO_VERSION" -> "no version is active yet, and items compare its replies. Train one on Models first.";
            case "TOO_FEW_REPLIES" -> "the active version has fewer than two replies to compare. Write replies on Replies and train"
                    + " a new version on Models.";
            case "NOTHING_LEFT" -> "every other ticket within reach already has an item:" + within + ". More appear as customers"
                    + " write in, or import tickets without an intent.";
            case "NO_TICKETS" -> "there is no ticket to make one from yet. Items come from customers' requests the answering API"
                    + " served and from imported tickets without an intent; the labelled tickets the model learns from are not judged."
                    + " Import recent tickets without a label on Import, replay a ticket file on Drift, or connect your helpdesk.";
            case "TAKEN_MEANWHILE" -> "another refill made items for the same tickets at the same moment. Ask again for the rest.";
            default -> null;
        };
        if (made >= asked) {
            return "Made " + Counts.of(made, "new item") + ".";
        }
        String head = made <= 0 ? "No new items" : "Made " + Counts.of(made, "new item") + " of the " + asked + " asked for";
        return why == null ? head + "." : head + ": " + why;
    }

    public static String goldItemSet(long item) {
        return "Item " + item + " is a gold item now: reviewers meet it now and then, and their choice on it counts as right or"
                + " wrong in their reliability. Change its answer below if it was a slip.";
    }

    public static String rewriteMoving(long replyId) {
        return "Rewrite " + replyId + " was moving to another intent while this was saved (an intent merge). Nothing was changed:"
                + " reload the page and decide it again.";
    }

    public static String rewriteElsewhere(long replyId, String intent) {
        return "These words are already reply " + replyId + " of the intent '" + intent + "': discard the rewrite, or retire that"
                + " reply on Replies first. Nothing was changed.";
    }

    public static String rewriteIntentUnknown(String name) {
        return "There is no intent named '" + name + "': choose one of the list to file the rewrite under. Nothing was changed.";
    }

    // Said of reviewers' rewrites and of replies proposed from agents' answers alike: both wait in the same list.
    public static final String REWRITE_ACCEPTED = "The reply is now in the library, under its intent: answers can use it"
            + " within a few seconds, no training needed, and it shows on Replies.";
    public static final String REWRITE_DISCARDED = "The reply was discarded; the library did not change.";

    /** A comparison asked for without the version its button sends. */
    public static final String COMPARE_WHICH_VERSION = "Say which version to compare with the active one: press \"Compare with the"
            + " active version\" beside it under \"Compare a candidate version with reviewers\" (the form sends its number as"
            + " 'version'). Nothing changed.";

    public static String sameAsActive(int version, int active) {
        return "v" + version + " is the very same model as the active v" + active + " (trained again on unchanged data): both pick the"
                + " same reply for every ticket, so reviewers would have nothing to compare. Nothing changed.";
    }

    public static String compared(int version, boolean on) {
        return on ? "v" + version + " is being compared: new review items pair its reply with the active version's for the same"
                + " ticket, and reviewers' choices show which one they prefer."
                : "v" + version + " is no longer compared: new review items come from the active version alone.";
    }

    /**
     * The fold under Review quality's items table. It holds the next newest of a list cut at the newest 15, so "all" would
     * read as every item there is beside a count of dozens waiting.
     */
    public static String showMoreItems(int folded) {
        return folded == 1 ? "Show the next newest item (not gold)"
                : "Show the next " + Counts.of(folded, "newest item") + " (none of them gold)";
    }
}
