package dev.loopwise.common.job;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * A queued row of one kind as a Quartz job ({@link QueuedJobs}): each firing asks the row's service to run it, and the
 * job goes once the row is done. Subclasses stay {@code @DisallowConcurrentExecution} and {@code @Unremovable}, so
 * each kind waits for its own turn and Quartz can look it up by class.
 */
public abstract class QueuedJob implements Job {
    /** Runs row {@code id} if its turn has come; true when the row is done (here or elsewhere). */
    protected abstract boolean runQueued(long id);

    @Override
    public void execute(JobExecutionContext context) {
        if (runQueued(QueuedJobs.id(context))) {
            QueuedJobs.done(context);
        }
    }
}
