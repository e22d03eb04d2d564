package dev.loopwise.monitoring.replay;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.JobMessages;
import dev.loopwise.common.job.JobSilence;
import dev.loopwise.common.job.QueuedJobUpkeep;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.TemplateFormats;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A background replay as the page's progress bar and its JSON poll show it. */
public record ReplayView(@Schema(description = "The replay's id") long id,
                         @Schema(description = "queued, running, succeeded, failed or cancelled") String status,
                         @Schema(description = "Where the tickets came from: a file's name, or the demo's traffic") String source,
                         @Schema(description = "Tickets in the file") int total,
                         @Schema(description = "Tickets answered (or failed) so far") int sent,
                         @Schema(description = "Tickets that could not be answered") int failed,
                         @Schema(description = "Drift checks run so far") int checks,
                         @Schema(description = "Alerts those checks confirmed") int alerts,
                         @Schema(description = "Share sent, from 0 to 1") double progress,
                         @Schema(description = "True while a cancel was asked for and the replay has not stopped yet") boolean cancelRequested,
                         @Schema(description = "Why the first ticket that failed did; null when none did") String firstError,
                         @Schema(description = "Why the replay itself failed; null otherwise") String error,
                         @Schema(description = "Who started it") String startedBy,
                         @Schema(description = "When it was asked for") OffsetDateTime createdAt,
                         @Schema(description = "When it ended; null while queued or running") OffsetDateTime finishedAt,
                         @Schema(description = "While running but not heard from for 20 s (two missed heartbeats: its instance died or"
                                 + " lost the database): since when, and about when it will be marked failed; null otherwise")
                         String silence) {
    @JsonProperty
    @Schema(description = "True once it ended: succeeded, failed or cancelled")
    public boolean finished() {
        return !status.equals(DriftReplay.QUEUED) && !status.equals(DriftReplay.RUNNING);
    }

    /** When it was asked for, or ended, in the page's words. */
    public String when() {
        return TemplateFormats.when(finishedAt != null ? finishedAt : createdAt);
    }

    /**
     * Where the page goes once it ended: to the alerts it raised, with its outcome over them, as after a replay sent while
     * the lead waited; none when it raised no alert, and the page just reloads to show its outcome.
     */
    @JsonProperty
    @Schema(description = "Once it ended having raised alerts: the drift dashboard's address of them with its outcome; otherwise null")
    public String showAt() {
        return finished() && alerts > 0 ? outcomeAddress(sent, failed, checks, alerts) : null;
    }

    /** The drift page with a replay's outcome: over the alerts, and scrolled to them, when it raised any. */
    public static String outcomeAddress(int requests, int failed, int checks, int alerts) {
        return "/admin/drift?replayed=" + requests + "&failed=" + failed + "&checks=" + checks + "&alerts=" + alerts
                + (alerts > 0 ? "#alerts-card" : "");
    }

    public String ticketsCounted() {
        return Counts.of(total, "ticket");
    }

    public int percentDone() {
        return (int) Math.round(progress * 100);
    }

    public boolean failedToRun() {
        return status.equals(DriftReplay.FAILED);
    }

    /** Where it stands, in the page's words. */
    @JsonProperty
    @Schema(description = "Where it stands, in words", example = "sending tickets: 400 of 1,200; 8 drift checks, 1 alert confirmed")
    public String said() {
        String soFar = String.format(Locale.ROOT, "%,d of %,d", sent, total);
        return switch (status) {
            case DriftReplay.QUEUED -> "waiting for its turn";
            case DriftReplay.RUNNING -> silence != null ? silence
                    : cancelRequested ? "cancelling: it stops after the tickets it is sending now"
                    : "sending tickets: " + soFar + "; " + Counts.of(checks, "drift check") + ", " + Counts.of(alerts, "alert") + " confirmed";
            case DriftReplay.SUCCEEDED -> DriftMessages.replayed(total, failed, checks, alerts);
            case DriftReplay.CANCELLED -> "cancelled after " + soFar + " tickets (those were answered and logged as usual); "
                    + Counts.of(checks, "drift check") + ", " + Counts.of(alerts, "alert") + " confirmed.";
            default -> "failed after " + soFar + " tickets (those were answered and logged as usual).";
        };
    }

    /** Read in a transaction: a silence is judged on the database's clock, the one heartbeats are written with. */
    static ReplayView of(DriftReplay row) {
        return new ReplayView(row.id, row.status, row.source, row.total, row.sent, row.failed, row.checks, row.alerts,
                row.total == 0 ? 0 : Math.min(1, row.sent / (double) row.total), row.cancelRequested && !row.hasEnded(),
                row.firstError, row.error, row.startedBy, row.createdAt, row.finishedAt, silence(row));
    }

    /** A replay whose instance died would go on saying it sends, with a count that no longer moves, until it is failed. */
    private static String silence(DriftReplay row) {
        return JobSilence.lastHeard(row).map(heard -> JobMessages.silent("sending", String.format(Locale.ROOT, "%,d of %,d tickets",
                row.sent, row.total), heard, heard.plus(QueuedJobUpkeep.STALE))).orElse(null);
    }
}
