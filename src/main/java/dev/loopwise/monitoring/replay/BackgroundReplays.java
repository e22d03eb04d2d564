package dev.loopwise.monitoring.replay;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.db.DatabaseClock;
import dev.loopwise.common.job.CancelRequest;
import dev.loopwise.common.job.JobRows;
import dev.loopwise.common.job.QueuedJobUpkeep;
import dev.loopwise.common.job.QueuedJobs;
import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Replays too long to wait for in their request (more than {@link MonitoringConfig#replayInRequest()} tickets): the
 * tickets are checked at once (a bad file is refused with a 400 and nothing sent), kept in the row, and sent by a queued
 * job on any instance, one replay at a time, with progress and cancel. Tickets sent before a cancel or a failure stay
 * answered and logged like any customer's.
 */
@ApplicationScoped
@Startup
public class BackgroundReplays {
    private static final Logger LOG = Logger.getLogger(BackgroundReplays.class);
    static final String INTERRUPTED = "Interrupted: the service stopped during the replay. The tickets sent until then were answered;"
            + " replay the rest again.";
    // Static, and the bean made at start: its kind is kept from the start, whether or not anyone asked for a job here yet.
    private static final JobRows JOBS = QueuedJobUpkeep.keep("drift_replays", "error = ?1, texts = null", "Replay", INTERRUPTED);

    @Inject
    ReplayService replay;
    @Inject
    ApplicationStopping stopping;
    @Inject
    MonitoringConfig config;
    @Inject
    QueuedJobs queued;
    @Inject
    AuditLog audit;

    /** Queues a replay of {@code texts} (already checked) from {@code source}, asked for by {@code user}. */
    public ReplayView queue(List<String> texts, String source, String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DriftReplay row = new DriftReplay();
            row.source = source;
            row.texts = texts;
            row.total = texts.size();
            row.startedBy = user;
            row.persist();
            queued.schedule(ReplayJob.class, ReplayJob.KIND, row.id);
            audit.record(user, "drift.replay.queued", "replay " + row.id, Map.of("source", source, "tickets", texts.size()));
            return ReplayView.of(row);
        });
    }

    /** The replays waiting or running, oldest first. */
    public List<ReplayView> open() {
        return QuarkusTransaction.requiringNew().call(() -> DriftReplay.open().stream().map(ReplayView::of).toList());
    }

    /** Up to five replays that ended within the last day, the latest to end first: what the page reports. */
    public List<ReplayView> recentlyEnded() {
        return QuarkusTransaction.requiringNew().call(() -> DriftReplay.recentlyEnded(5).stream().map(ReplayView::of).toList());
    }

    /** Replay {@code id} as it stands; a 404 when there is none. */
    public ReplayView view(long id) {
        ReplayView view = QuarkusTransaction.requiringNew().call(() -> {
            DriftReplay row = DriftReplay.findById(id);
            return row == null ? null : ReplayView.of(row);
        });
        if (view == null) {
            throw ApiException.notFound("There is no replay " + id + ".");
        }
        return view;
    }

    /** Asks a replay to stop: a queued one ends at once, a running one after the slice it is sending. False when it has ended. */
    public boolean cancel(long id, String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DriftReplay row = DriftReplay.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                throw ApiException.notFound("There is no replay " + id + ".");
            }
            return JobRows.requestCancel(row, queued -> end(queued, DriftReplay.CANCELLED), () -> audit.record(user, "drift.replay.cancel",
                    "replay " + id, Map.of("source", row.source, "sent", row.sent)));
        });
    }

    /** Runs queued replay {@code id} on the calling thread if it may start now; true when nothing is left to run for it. */
    boolean runQueued(long id) {
        return JOBS.runIfQueued(id, this::run);
    }

    private void run(long id) {
        try {
            DriftReplay asked = QuarkusTransaction.requiringNew().call(() -> {
                DriftReplay row = DriftReplay.findById(id);
                row.texts.size(); // loads the lazy tickets inside the transaction
                return row;
            });
            CancelRequest cancelled = new CancelRequest(() -> QuarkusTransaction.requiringNew()
                    .call(() -> DriftReplay.<DriftReplay>findById(id).cancelRequested));
            ReplayService.Replayed done = replay.replay(asked.texts, asked.startedBy, config.stride(), so -> progress(id, so), cancelled);
            String status = done.requests() < asked.total ? DriftReplay.CANCELLED : DriftReplay.SUCCEEDED;
            QuarkusTransaction.requiringNew().run(() -> {
                DriftReplay row = running(id);
                record(row, done);
                end(row, status);
                audit.record(asked.startedBy, "drift.replay", done.requests() + " requests (" + asked.source + ")",
                        Map.of("failed", done.failed(), "checks", done.checks().size(), "alerts", done.alerts()));
            });
            LOG.infof("Replay %d (%s): %d of %d tickets sent, %d checks, %d alerts", id, asked.source, done.requests(), asked.total,
                    done.checks().size(), done.alerts());
        } catch (Reclaimed e) {
            LOG.warnf("Replay %d was reclaimed by another instance after a stale heartbeat", id);
        } catch (Throwable e) {
            if (stopping.now()) {
                LOG.infof("Replay %d ended with the service (%s)", id, e.toString());
                return;
            }
            LOG.errorf(e, "Replay %d failed", id);
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    DriftReplay row = DriftReplay.findById(id, LockModeType.PESSIMISTIC_WRITE);
                    if (row != null && row.status.equals(DriftReplay.RUNNING)) {
                        row.error = JobRows.describe(e, "");
                        end(row, DriftReplay.FAILED);
                    }
                });
            } catch (Throwable again) {
                LOG.errorf(again, "Could not record the failure of replay %d", id);
            }
        }
    }

    private void progress(long id, ReplayService.Replayed soFar) {
        QuarkusTransaction.requiringNew().run(() -> {
            DriftReplay row = running(id);
            record(row, soFar);
            row.heartbeatAt = DatabaseClock.now();
        });
    }

    private static void record(DriftReplay row, ReplayService.Replayed soFar) {
        row.sent = soFar.requests();
        row.failed = soFar.failed();
        row.firstError = soFar.firstError();
        row.checks = soFar.checks().size();
        row.alerts = soFar.alerts();
    }

    private static void end(DriftReplay row, String status) {
        row.status = status;
        row.finishedAt = OffsetDateTime.now();
        row.texts = null; // the served requests' log is what stays; the file is not kept
    }

    private static DriftReplay running(long id) {
        DriftReplay row = DriftReplay.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.status.equals(DriftReplay.RUNNING)) {
            throw new Reclaimed();
        }
        return row;
    }

    /** The replay stopped being this instance's (failed by another after a stale heartbeat). */
    private static final class Reclaimed extends RuntimeException {
    }
}
