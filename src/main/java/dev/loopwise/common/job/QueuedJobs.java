package dev.loopwise.common.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.QuartzScheduler;
import io.quarkus.scheduler.runtime.Constituent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * A queued training run or round is recorded twice, in one transaction: as its row (status, progress, outcome)
 * and as a Quartz job in the clustered job store (when to run it). The job has a trigger that repeats every
 * {@link JobsConfig#queuedRetry()} until the row is done: a firing on an instance whose training slot is busy, or
 * while another job of its kind runs, simply waits for the next one, which any instance may take. So a queued job
 * outlives the process that queued it (its trigger is in the database), and a job whose process died mid-run is
 * released by Quartz's cluster recovery and met by its next firing, which finds the row reclaimed and removes
 * the job. This is used instead of a durable job with {@code requestRecovery}: recovery would re-fire a job only
 * once, after a crash, while a queued job must also wait its turn for the one-training-per-process slot.
 * Job classes are marked {@code @DisallowConcurrentExecution}, which Quartz enforces across instances.
 */
@ApplicationScoped
public class QueuedJobs {
    static final String ID = "id";

    @Inject
    @Constituent // beside the simple scheduler that runs the per-instance jobs
    QuartzScheduler quartz;
    @Inject
    JobsConfig config;

    /** Records row {@code id} of {@code kind} as a job of class {@code type}; joins the caller's transaction. */
    public void schedule(Class<? extends Job> type, String kind, long id) {
        Scheduler scheduler = quartz.getScheduler();
        if (scheduler == null) {
            throw new IllegalStateException("Background jobs are off in this process (a command, or quarkus.scheduler.enabled=false)");
        }
        try {
            schedule(scheduler, type, kind, id, config.queuedRetry());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not record " + kind + " " + id + " as a job", e);
        }
    }

    /** The same on any Quartz scheduler sharing the tables. */
    public static void schedule(Scheduler scheduler, Class<? extends Job> type, String kind, long id, Duration retry)
            throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type).withIdentity(name(kind, id), kind).usingJobData(ID, Long.toString(id)).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name(kind, id), kind).forJob(job).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(retry.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        scheduler.scheduleJob(job, trigger);
    }

    /** The row a firing is about. */
    public static long id(JobExecutionContext context) {
        return Long.parseLong(context.getMergedJobDataMap().getString(ID));
    }

    /** The row is done (ran here, or ended elsewhere): its job and trigger go. */
    public static void done(JobExecutionContext context) {
        try {
            // The CMT job store works inside a transaction, as when the job was scheduled.
            QuarkusTransaction.requiringNew().call(() -> context.getScheduler().deleteJob(context.getJobDetail().getKey()));
        } catch (RuntimeException e) {
            // Harmless if it stays: its next firing finds the row done and tries again.
            Logger.getLogger(QueuedJobs.class).warnf(e, "Could not remove the job of %s", context.getJobDetail().getKey());
        }
    }

    static String name(String kind, long id) {
        return kind + "-" + id;
    }
}
