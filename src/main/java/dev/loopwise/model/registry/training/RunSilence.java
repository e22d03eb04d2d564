package dev.loopwise.model.registry.training;

import dev.loopwise.common.JobMessages;
import dev.loopwise.common.job.JobSilence;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A running training whose instance stopped sending heartbeats: it died (or lost the database), and the run only looks in
 * progress until another instance marks it failed once the heartbeat is older than the staleness setting. Until then its
 * bar would sit still, so the page says what is known instead: when the instance was last heard from and when the run
 * will be marked failed.
 */
public final class RunSilence {
    private RunSilence() {
    }

    /** The sentence for a running training not heard from for more than {@link JobSilence#QUIET}; null while it beats, or has ended. */
    public static String of(TrainingRun run, Duration staleness, OffsetDateTime now) {
        if (!TrainingRun.RUNNING.equals(run.status) || run.heartbeatAt == null || !run.heartbeatAt.plus(JobSilence.QUIET).isBefore(now)) {
            return null;
        }
        return JobMessages.silentWhileServing(run.heartbeatAt, run.heartbeatAt.plus(staleness));
    }
}
