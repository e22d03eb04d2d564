package dev.loopwise.common.job;

import dev.loopwise.common.runtime.ApplicationStopping;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Keeps the rows of background jobs whose upkeep is the same (knowledge imports, replays): their heartbeats while this
 * instance runs them, failing those whose instance died, and failing this instance's own when it shuts down. Each kind
 * registers once ({@link #keep}); training runs and rounds have upkeep of their own (they also release versions).
 */
@ApplicationScoped
public class QueuedJobUpkeep {
    private static final Logger LOG = Logger.getLogger(QueuedJobUpkeep.class);
    /** A running job of these kinds writes progress every few seconds; silence this long means its process died. */
    public static final Duration STALE = Duration.ofMinutes(2);
    private static final List<Kept> KEPT = new CopyOnWriteArrayList<>();

    private record Kept(JobRows rows, String label, String interrupted) {
    }

    /**
     * The rows of a job kind to keep: {@code label} names one job in the log ("Knowledge import"), {@code interrupted}
     * is the failure recorded when its process died or stopped.
     */
    public static JobRows keep(String table, String failedSet, String label, String interrupted) {
        JobRows rows = new JobRows(table, failedSet);
        KEPT.add(new Kept(rows, label, interrupted));
        return rows;
    }

    /** This instance's jobs are alive, between progress writes too. */
    @Scheduled(identity = "queued-job-heartbeat", every = JobRows.HEARTBEAT_EVERY, executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = ApplicationStopping.class)
    void beat() {
        KEPT.forEach(kept -> kept.rows().beat());
    }

    /** Fails jobs whose instance died; once per period across instances. */
    @Scheduled(identity = "queued-job-reclaim", every = JobRows.HEARTBEAT_EVERY, skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void reclaim() {
        KEPT.forEach(kept -> kept.rows().reclaim(STALE, kept.interrupted())
                .forEach(id -> LOG.warnf("%s %d stopped sending heartbeats: marked failed", kept.label(), id)));
    }

    /** A job cannot finish in a stopping service: it ends failed now rather than once its heartbeat goes stale. */
    void stop(@Observes ShutdownEvent event) {
        KEPT.forEach(kept -> kept.rows().stopHere(kept.interrupted())
                .forEach(id -> LOG.warnf("%s %d stopped: the service is shutting down", kept.label(), id)));
    }
}
