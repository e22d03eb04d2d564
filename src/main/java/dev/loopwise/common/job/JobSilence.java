package dev.loopwise.common.job;

import dev.loopwise.common.db.DatabaseClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A running job whose instance died keeps its last progress until another instance fails it once its heartbeat is stale:
 * meanwhile its unmoving count would read as a job still at work, behind a balancer whichever instance shows it. Pages
 * and the API say instead since when it was heard from, in the words of JobMessages.
 */
public final class JobSilence {
    /** Two heartbeats missed, not one late (a busy scheduler, a slow write). */
    public static final Duration QUIET = Duration.parse("PT" + JobRows.HEARTBEAT_EVERY.toUpperCase(Locale.ROOT)).multipliedBy(2);

    private JobSilence() {
    }

    /**
     * When a running job was last heard from, if that is more than {@link #QUIET} ago; empty while it beats, or when it is
     * not running. Judged on the database's clock, the one heartbeats are written with.
     */
    public static Optional<OffsetDateTime> lastHeard(JobRowEntity row) {
        if (!JobRowEntity.RUNNING.equals(row.status) || row.heartbeatAt == null
                || !row.heartbeatAt.plus(QUIET).isBefore(DatabaseClock.now())) {
            return Optional.empty();
        }
        return Optional.of(row.heartbeatAt);
    }
}
