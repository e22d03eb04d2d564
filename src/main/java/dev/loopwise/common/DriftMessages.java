package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the drift dashboard and its API say about replays, new topics and the rounds drift proposes (one place for their words). */
public final class DriftMessages {
    private DriftMessages() {
    }

    public static String replayed(int requests, int failed, int checks, int alerts) {
        return "Replayed " + Counts.of(requests, "ticket") + (failed > 0 ? " (" + failed + " failed)" : "") + "; "
                + Counts.of(checks, "drift check") + ", " + Counts.of(alerts, "alert") + " confirmed.";
    }

    /**
     * Said after a replay that ran no check, which a short file on a new version always is: otherwise "no drift checks" reads
     * as if replaying did nothing, and the lead is left to guess what would.
     */
    public static String replayRanNoCheck(int window, int stride) {
        return " A check compares the newest " + window + " requests the active version answered, once it has answered that many,"
                + " and then runs after every " + stride + " new ones: replay a file of " + window + " tickets or more to see one.";
    }

    /**
     * {@code total}: the intent's labelled tickets now, of which {@code tickets} came from the topic; {@code wanted}: the
     * fewest a new version learns an intent from.
     */
    public static String topicLabelled(String intent, int tickets, boolean created, long total, int wanted) {
        String more = total >= wanted ? "" : "label at least " + (wanted - total) + (total == 0 ? "" : " more") + " of its tickets on"
                + " Tickets (a new intent needs " + wanted + " to be learned from), ";
        return (created ? "New intent '" + intent + "' with " + Counts.of(tickets, "labelled ticket") : "'" + intent + "' now has "
                + Counts.of(tickets, "more labelled ticket").replace("no more labelled tickets", "no new labelled tickets")) + ". Next: "
                + more + "write its first reply below, then train a new version on Models so that customers asking about it get an answer.";
    }

    public static String noRoundRequest(long actionId) {
        return "No drift action " + actionId + ": Drift lists the ones there are.";
    }

    public static String roundRequestWaiting(long actionId) {
        return "Round request " + actionId + " is not proposed yet: it waits until reviewers have judged the items drift queued"
                + " (Drift says how many are left), then asks for your decision. Nothing was done.";
    }

    public static String actionNeedsNoDecision(long actionId) {
        return "Drift action " + actionId + " needs no decision: only a proposed round is approved or dismissed. Nothing was done.";
    }

    public static String coveredByRound(long roundId, long approvedActionId) {
        return "Round " + roundId + ", approved with request " + approvedActionId + ", covers this one too: it trains on every"
                + " judgement so far.";
    }

    public static String roundRequestDecided(long actionId, String status) {
        return "Round request " + actionId + " was already " + ("approved".equals(status) ? "approved: its round is on Rounds"
                : "dismissed") + ". Nothing more was done.";
    }

    /** A replay file that does not read as tickets: the first problems in words, one sentence however each of them ends. */
    public static String replayUnreadable(List<String> problems) {
        int shown = Math.min(10, problems.size());
        String named = String.join("; ", problems.subList(0, shown)) + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "");
        return "The file was not replayed: " + named + (named.endsWith(".") ? "" : ".");
    }

    public static final String REPLAY_NO_ROWS = "The file holds no rows, so there is nothing to replay: put one ticket on each"
            + " line (a CSV needs a header line with a text column, then the tickets). Nothing was sent.";
    /** A replay measures the active version: with none, every ticket would fail. */
    public static final String REPLAY_NO_ACTIVE_MODEL = "No model is active yet, so every replayed ticket would fail and nothing was"
            + " sent: train one on Models (or wait for the training under way to finish), then replay.";

    /**
     * A file over the server's body limit, said as the upload pages say it; the limit is the command's own reading of
     * LOOPWISE_MAX_BODY_SIZE, so a server set to take more is matched by setting it for the command too.
     */
    public static String replayFileTooLarge(Object file, String limit) {
        return file + ": " + HttpMessages.fileTooLarge(limit) + " Nothing was sent. (If the Loopwise it goes to takes more, set"
                + " LOOPWISE_MAX_BODY_SIZE for this command as it is set there.)";
    }

    /** Said by the command before anything is sent: the server would speak of an empty request body, which no one sent. */
    public static String replayFileEmpty(Object file) {
        return file + " is empty, so there is nothing to replay: put one ticket on each line (a CSV needs a header line with a"
                + " text column, then the tickets). Nothing was sent.";
    }

    public static String replayFileNoRows(Object file) {
        return file + " holds no tickets, so there is nothing to replay: put one ticket on each line (a CSV needs a header line"
                + " with a text column, then the tickets). Nothing was sent.";
    }

    public static String replayTooManyTickets(int tickets, int most) {
        return "it holds " + tickets + " tickets: replay at most " + most + " at a time (split the file). Nothing was sent.";
    }

    public static final String REPLAY_BODY_EMPTY = "The request body is empty: send the CSV or JSONL file of tickets as the body.";

    /** {@code sent} as the address gave it, already quoted for a sentence. */
    public static String replayStride(int most, String sent) {
        return "'stride' is how many tickets are sent between drift checks: a whole number from 1 to " + most + ", written with"
                + " the digits 0 to 9 alone, without a sign, leading zeros or spaces; got '" + sent + "'.";
    }

    /** The one line a chat receiver (Slack, Teams) shows for an alert: its payload's {@code text}. */
    public static String webhookText(int version, String alertMessage) {
        return webhookTitle(version) + ": " + alertMessage + " " + WEBHOOK_NEXT_STEP;
    }

    public static String webhookTitle(int version) {
        return "Loopwise drift alert on model v" + version;
    }

    public static final String WEBHOOK_NEXT_STEP = "Open Drift in Loopwise for the evidence and what to do next.";
    public static final String WEBHOOK_FACT_REQUESTS = "Requests checked";
    public static final String WEBHOOK_FACT_WINDOW = "Window";

    public static String webhookSent(int status, int attempt, int attempts) {
        return "sent, HTTP " + status + (attempt > 1 ? " (attempt " + attempt + " of " + attempts + ")" : "");
    }

    public static final String WEBHOOK_TRYING_AGAIN = "; trying again";

    /** Room the alert's status column (V6) has; a retry's status keeps its ending within it, so that it is still known. */
    public static final int WEBHOOK_STATUS_LENGTH = 200;

    private static final DateTimeFormatter RETRY_TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** An attempt that failed, and when the next one is due, which any instance may make. */
    public static String webhookRetrying(int attempt, int attempts, String problem, Instant next) {
        String head = "attempt " + attempt + " of " + attempts + " failed (";
        String tail = ")" + WEBHOOK_TRYING_AGAIN + " at " + RETRY_TIME.format(next);
        int room = WEBHOOK_STATUS_LENGTH - head.length() - tail.length();
        return head + (problem.length() > room ? problem.substring(0, room - 1) + "…" : problem) + tail;
    }

    /** The retry status's failed attempt and problem with {@code tail} in place of the promise of another, within the room. */
    private static String endedWith(String retrying, String tail) {
        int end = retrying.lastIndexOf(WEBHOOK_TRYING_AGAIN);
        String failed = end < 0 ? retrying : retrying.substring(0, end);
        int room = WEBHOOK_STATUS_LENGTH - tail.length();
        return (failed.length() > room ? failed.substring(0, room - 2) + "…)" : failed) + tail;
    }

    /**
     * A retry that never came: no instance holds its next attempt (it was recorded before retries were kept in the
     * database, or its job was removed).
     */
    public static String webhookAbandoned(String retrying) {
        return endedWith(retrying, "; not tried again, as no Loopwise instance holds its next attempt");
    }

    /** A retry due after the address was removed: nothing to send to. */
    public static String webhookUrlRemoved(String retrying) {
        return endedWith(retrying, "; not tried again, as LOOPWISE_MONITORING_WEBHOOK_URL is no longer set");
    }

    /** A retry that could not be recorded as a job: this process runs no background jobs, or the database refused it. */
    public static final String WEBHOOK_RETRY_STORE_FAILED = "the database did not take it; the log has the details";

    public static String webhookRetryNotRecorded(String retrying, String problem) {
        return endedWith(retrying, "; not tried again, as its next attempt could not be recorded (" + problem + ")");
    }

    public static String webhookFailed(int attempts, String problem) {
        return "failed after " + attempts + " attempts: " + problem;
    }

    public static String webhookAnswered(int status) {
        return "the receiver answered HTTP " + status;
    }

    public static String webhookNoAnswer(String within) {
        return "no answer within " + within;
    }

    public static String webhookUnreachable(String where) {
        return "nothing answered at " + where;
    }

    /** Said in the log, naming the receiver by its address without its path, which for Slack and Teams is the secret. */
    public static String webhookLogFailed(long alertId, String where, String status) {
        return "Drift alert " + alertId + " was not delivered to the webhook at " + where + ": " + status
                + " (LOOPWISE_MONITORING_WEBHOOK_URL; the alert stays on Drift)";
    }

    public static String webhookNotSent(String problem) {
        return "not sent (" + problem + ")";
    }

    /**
     * A signing secret with nowhere to send: said once at start and on the Drift page, since an admin who set it expects
     * signed alerts and would otherwise learn only from a receiver that never hears anything.
     */
    public static final String WEBHOOK_SECRET_WITHOUT_URL = "LOOPWISE_MONITORING_WEBHOOK_SECRET is set but"
            + " LOOPWISE_MONITORING_WEBHOOK_URL is not, so alerts are POSTed nowhere and the secret signs nothing: set"
            + " LOOPWISE_MONITORING_WEBHOOK_URL to the receiver's http:// or https:// address (or remove the secret) and start again.";

    /** The overview's step while a new topic found by drift has no intent made since. */
    public static final String NEW_TOPIC_TITLE = "Customers ask about something new";

    public static String newTopicStatus(String when, String found) {
        return "Drift check of " + when + ": " + found;
    }

    public static String newTopicAction(String when, String found) {
        return newTopicStatus(when, found) + " Open Drift and, under Alerts, make these requests an intent with their examples,"
                + " write its reply on Replies, then train a new version on Models; if your team does not handle such requests,"
                + " label their tickets oos instead, then train.";
    }
}
