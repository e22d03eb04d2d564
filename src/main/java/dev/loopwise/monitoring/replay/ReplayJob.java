package dev.loopwise.monitoring.replay;

import dev.loopwise.common.job.QueuedJob;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;

/** One queued replay as a Quartz job: it sends its tickets on the Quartz thread that fires it, when its turn has come. */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class ReplayJob extends QueuedJob {
    static final String KIND = "drift-replay";

    @Inject
    BackgroundReplays replays;

    @Override
    protected boolean runQueued(long id) {
        return replays.runQueued(id);
    }
}
