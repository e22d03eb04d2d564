package dev.loopwise.model.registry.training;

import dev.loopwise.common.JobMessages;
import dev.loopwise.common.job.JobSilence;
import java.time.Duration;

/**
 * A running training whose instance stopped sending heartbeats: it died (or lost the database), and the run only looks in
 * progress until another instance marks it failed once the heartbeat is older than the staleness setting. Until then its
 * bar would sit still, so the page says what is known instead: when the instance was last heard from and when the run
 * will be marked failed. Judged by {@link JobSilence}, as rounds, imports and replays are.
 */
public final class RunSilence {
    private RunSilence() {
    }

    /**
     * The sentence for a running training not heard from for more than {@link JobSilence#QUIET}; null while it beats, or has
     * ended. Read in a transaction or request: the silence is judged on the database's clock.
     */
    public static String of(TrainingRun run, Duration staleness) {
        return JobSilence.lastHeard(run).map(heard -> JobMessages.silentWhileServing(heard, heard.plus(staleness))).orElse(null);
    }
}
