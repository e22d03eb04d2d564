package dev.loopwise.alignment;

import dev.loopwise.common.QueuedJobs;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One queued alignment round as a Quartz job: it runs on the Quartz thread that fires it, when its turn has come. */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class RoundJob implements Job {
    static final String KIND = "alignment-round";

    @Inject
    RoundService rounds;

    @Override
    public void execute(JobExecutionContext context) {
        if (rounds.runQueued(QueuedJobs.id(context))) {
            QueuedJobs.done(context);
        }
    }
}
