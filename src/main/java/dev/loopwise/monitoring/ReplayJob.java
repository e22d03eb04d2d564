package dev.loopwise.monitoring;

import dev.loopwise.common.QueuedJobs;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One queued replay as a Quartz job: it sends its tickets on the Quartz thread that fires it, when its turn has come. */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class ReplayJob implements Job {
    static final String KIND = "drift-replay";

    @Inject
    BackgroundReplays replays;

    @Override
    public void execute(JobExecutionContext context) {
        if (replays.runQueued(QueuedJobs.id(context))) {
            QueuedJobs.done(context);
        }
    }
}
