package dev.loopwise.model.registry.training;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.job.JobRows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A running training whose instance stopped sending heartbeats: it died (or lost the database), and the run only looks in
 * progress until another instance marks it failed once the heartbeat is older than the staleness setting. Until then its
 * bar would sit still, so the page says what is known instead: when the instance was last heard from and when the run
 * will be marked failed.
 */
public final class RunSilence {
    /** How often the instance running a training refreshes its heartbeat. */
    static final Duration BEAT = Duration.parse("PT" + JobRows.HEARTBEAT_EVERY.toUpperCase(Locale.ROOT));
    /** One beat missed, not merely late: a heartbeat a few seconds late (a busy scheduler, a slow write) is no silence yet. */
    static final Duration QUIET = BEAT.multipliedBy(2);

    private RunSilence() {
    }

    /** The sentence for a running training not heard from for more than {@link #QUIET}; null while it beats, or has ended. */
    public static String of(TrainingRun run, Duration staleness, OffsetDateTime now) {
        if (!TrainingRun.RUNNING.equals(run.status) || run.heartbeatAt == null || !run.heartbeatAt.plus(QUIET).isBefore(now)) {
            return null;
        }
        return LifecycleMessages.trainingSilent(run.heartbeatAt, run.heartbeatAt.plus(staleness));
    }
}
