package dev.loopwise.alignment.round;

import dev.loopwise.common.job.QueuedJob;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;

/** One queued alignment round as a Quartz job: it runs on the Quartz thread that fires it, when its turn has come. */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class RoundJob extends QueuedJob {
    static final String KIND = "alignment-round";

    @Inject
    RoundService rounds;

    @Override
    protected boolean runQueued(long id) {
        return rounds.runQueued(id);
    }
}
