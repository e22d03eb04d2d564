package dev.loopwise.model.registry.training;

import dev.loopwise.common.job.QueuedJob;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;

/** One queued training run as a Quartz job: it trains on the Quartz thread that fires it, when its turn has come. */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class TrainingJob extends QueuedJob {
    static final String KIND = "training-run";

    @Inject
    TrainingService training;

    @Override
    protected boolean runQueued(long id) {
        return training.runQueued(id);
    }
}
