package dev.loopwise.common.runtime;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Skips scheduled tasks once the application is stopping: a task that fired then ran into the closed persistence
 * unit and logged an error at every Ctrl-C. Unlike Quarkus' {@code Scheduled.ApplicationNotRunning}, it never skips
 * before the start has finished: jobs such as the request log's partitions fire first while the application starts,
 * and that run is the one that makes the coming months' partitions on a new month.
 */
@Singleton
public class ApplicationStopping implements Scheduled.SkipPredicate {
    private volatile boolean stopping;

    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return stopping;
    }

    /**
     * Whether the application is stopping. A job whose work breaks then (the persistence unit closes under it) has
     * already been marked stopped by its own shutdown observer; recording that failure again only fails once more.
     */
    public boolean now() {
        return stopping;
    }
}
