package dev.loopwise.common.job;

import dev.loopwise.common.db.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * The columns every background job's row shares (training runs, alignment rounds, knowledge imports): who asked,
 * when, the heartbeat {@link JobRows} reads to reclaim a job whose instance died, and a cancel request.
 */
@MappedSuperclass
public abstract class JobRowEntity extends IdentityEntity {
    /** The statuses every kind of job row goes through; a kind may add its own outcomes. */
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /** Queued, running, or how it ended (the kinds above, or a kind's own outcome). */
    public String status = QUEUED;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** Refreshed by the instance running it; a stale one means that instance died. */
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt = OffsetDateTime.now();

    /**
     * The instance that claimed it (host name and port), whose log tells what happened: behind a load balancer the
     * one showing the page is often another. Null while queued, and for jobs run before instances were recorded.
     */
    @Column(name = "ran_on")
    public String ranOn;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    /** Neither queued nor running: it ended, however. */
    public boolean hasEnded() {
        return !QUEUED.equals(status) && !RUNNING.equals(status);
    }
}
