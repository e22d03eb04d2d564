package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What answering a ticket says when it cannot: the ticket's text refused, no active version, too busy, an error. */
public final class ServingMessages {
    private ServingMessages() {
    }

    public static final String TEXT_REQUIRED = "Send the ticket as {\"text\": \"...\"}: the text field is missing.";
    public static final String TICKET_BODY_REQUIRED = "The request has no body: send the ticket as {\"text\": \"...\"} with Content-Type"
            + " application/json.";
    public static final String TEXT_EMPTY = "The text is empty: send the customer's message.";
    public static final String TEXT_INVISIBLE = "The text holds only control characters or invisible marks, nothing a person could"
            + " read: send the customer's message as written.";
    public static final String NO_ACTIVE_MODEL =
            "No model is active yet: an admin must train one (admin page, Models) before tickets can be answered.";

    /** The API's words for the same refusal: when to come back, as its {@code Retry-After} header says it. */
    public static String overloaded(long retryAfterSeconds) {
        return "Loopwise is answering too many requests right now: try again in " + HttpMessages.about(retryAfterSeconds) + ".";
    }

    public static String controlCharacterInTicket(String found) {
        return "The text holds a control character (" + found + "), which no one typed and which would reach the request log,"
                + " review and exports as it is: remove it (tabs and line breaks may stay) and send the text again.";
    }

    public static String textTooLong(int length, int limit) {
        return "The text has " + Counts.of(length, "character") + ", and Loopwise answers tickets of at most "
                + String.format(Locale.ROOT, "%,d", limit) + ": send the customer's message only.";
    }

    public static final String SERVING_FAILED = "Loopwise could not answer this request because of an error on its side "
            + "(it is in the server log). Nothing was logged for it; retry in a moment.";

    public static final String FEEDBACK_FIELDS_NEEDED = "Send {\"requestId\": \"...\", \"rating\": \"up\" or \"down\"}.";
    public static final String RATING_UP_OR_DOWN = "rating must be \"up\" or \"down\".";
    /** Both answering endpoints hand out requestIds: a chat-completions caller knows its own as loopwise.requestId. */
    public static final String REQUEST_ID_FORMAT = "requestId must be one Loopwise returned: the requestId of a /api/v1/respond answer,"
            + " or the loopwise.requestId of a /v1/chat/completions answer.";

    public static String commentTooLong(int limit) {
        return "A comment has at most " + limit + " characters.";
    }

    public static String controlCharacterInComment(String found) {
        return "A comment cannot hold control characters (found " + found + "); remove them and send it again. Nothing was saved.";
    }

    /**
     * A requestId of a month the request log has dropped is unknown too: the sender is told how long requests are kept, so
     * that an old id is not sent again and again as if mistyped.
     */
    public static String noServedRequest(UUID requestId, int retentionMonths) {
        String kept = retentionMonths == 0 ? "requests are kept for good here: LOOPWISE_SERVING_RETENTION_MONTHS is 0"
                : "requests are kept LOOPWISE_SERVING_RETENTION_MONTHS months, " + retentionMonths + " here";
        return "No served request " + requestId + " in the request log (" + kept + "): send the requestId exactly as Loopwise returned"
                + " it (requestId of a /api/v1/respond answer, loopwise.requestId of a /v1/chat/completions answer). Nothing was saved.";
    }

    public static String noReplyToRate(UUID requestId) {
        return "Request " + requestId + " served no reply (a classification, or a ticket handed to a person), so there is no"
                + " answer to rate: send feedback for answers whose response (loopwise.response in a chat completion) was not null.";
    }

    /** The log keeps the request's figures but no longer its words, so there is nothing left to rate or to learn from. */
    public static String replyForgotten(UUID requestId, int textRetentionDays) {
        // 0 now keeps texts for good, yet rows blanked while a limit was set stay blank.
        String setting = textRetentionDays == 0 ? "LOOPWISE_SERVING_TEXT_RETENTION_DAYS (0 now, but set to a number of days when it was)"
                : "LOOPWISE_SERVING_TEXT_RETENTION_DAYS (" + textRetentionDays + " days here)";
        return "Request " + requestId + "'s text and reply were blanked after " + setting + ", so it can no longer be rated:"
                + " send feedback while the request log still keeps the answer's text. Nothing was saved.";
    }

    /**
     * The Try page's note that the active version predates some intents (the page links the page named last after it): a
     * ticket of theirs gets another intent's reply, which reads as a wrong answer unless the page says why. What comes
     * before a training is the Models page's advice: {@code thin} names the intents with too few labelled tickets to be
     * learned, each with its count; else {@code unreplied} those with no reply in the library; else a training is next.
     */
    public static String unlearnedIntents(int version, List<String> names, String listed, List<String> thin, int perIntent,
                                          String unreplied) {
        boolean one = names.size() == 1;
        String said = "v" + version + " was trained before " + listed + " had labelled tickets, so it never learned " + (one ? "it" : "them")
                + ": a ticket about " + (one ? "it" : "one of them") + " gets another intent's reply";
        if (!thin.isEmpty()) {
            return said + ". Label at least " + perIntent + " tickets of " + (thin.size() == 1 ? "" : "each of ") + String.join(", ", thin)
                    + " first, then train a new version on Models; the tickets to label are on";
        }
        if (unreplied != null) {
            return said + ". Write a reply for " + unreplied + " first (a version learns to choose among the library's replies, so a"
                    + " new intent needs one), then train a new version on Models; replies are written on";
        }
        return said + " until you train a new version on";
    }

    /**
     * Try a ticket: what the "N% sure" beside the intent means, said where it is read (the version's page says it of its
     * hand-over line, which a lead trying tickets does not open first).
     */
    public static String sureMeaning(String sure, String line, boolean answersWhatever) {
        return "\u201c" + sure + " sure\u201d is how likely the version finds it, from what it learned of your intents, that this ticket"
                + " has this intent. " + (answersWhatever ? "It answers however unsure it is, and hands a ticket to a person only when"
                + " it takes it for a request your team does not handle." : "It answers only when it is at least " + line + " sure of"
                + " its best intent (its hand-over line); below that it hands the ticket to a person rather than guess.");
    }
}
