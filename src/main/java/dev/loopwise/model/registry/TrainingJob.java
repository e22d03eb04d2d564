package dev.loopwise.model.registry;

import dev.loopwise.common.QueuedJobs;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One queued training run as a Quartz job: it trains on the Quartz thread that fires it, when its turn has come. */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class TrainingJob implements Job {
    static final String KIND = "training-run";

    @Inject
    TrainingService training;

    @Override
    public void execute(JobExecutionContext context) {
        if (training.runQueued(QueuedJobs.id(context))) {
            QueuedJobs.done(context);
        }
    }
}
