package dev.loopwise.model.registry.training;

import dev.loopwise.common.db.DatabaseClock;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelService;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * What a training run reads and writes in the database. Every write first locks the run's row and checks it is
 * still running, so a run another instance reclaimed (its heartbeat went stale) can neither come back to life
 * nor store a version.
 */
final class TrainingRecords {
    /** The run stopped being this worker's: reclaimed by another instance after a stale heartbeat. */
    static final class Reclaimed extends RuntimeException {
        Reclaimed(long runId) {
            super("Training run " + runId + " is no longer running here: it was reclaimed after a stale heartbeat");
        }
    }

    private TrainingRecords() {
    }

    static WorkspaceSnapshot snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<WorkspaceSnapshot.IntentInfo> intents = Intent.listByName().stream()
                    .map(i -> new WorkspaceSnapshot.IntentInfo(i.name, i.description)).toList();
            List<WorkspaceSnapshot.TicketInfo> tickets = Ticket.<Ticket>find("from Ticket t join fetch t.intent order by t.id").list().stream()
                    .map(t -> new WorkspaceSnapshot.TicketInfo(t.id, t.text, t.intent.name, t.response, t.split)).toList();
            List<WorkspaceSnapshot.ReplyInfo> replies = Reply.listActive().stream()
                    .map(r -> new WorkspaceSnapshot.ReplyInfo(r.id, r.intent.name, r.text)).toList();
            return new WorkspaceSnapshot(intents, tickets, replies);
        });
    }

    static String regime(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(TrainingRun.<TrainingRun>findById(runId).settings.get("regime")));
    }

    static void progress(long runId, String step, double progress) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingRun run = running(runId);
            run.step = step;
            run.progress = progress;
            run.heartbeatAt = DatabaseClock.now();
        });
    }

    /**
     * Stores the version and ends the run in one transaction: a crash leaves either both or neither. The first
     * version of an empty installation becomes active.
     */
    static ModelVersion saveAndFinish(TrainedModel trained, EncoderRef encoder, long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun run = running(runId);
            if (run.cancelRequested) {
                // Asked after the last step's check, and accepted: no version is made, as the admin was told.
                throw new CancellationException("Training run " + runId + " was cancelled");
            }
            ModelVersion version = new ModelVersion();
            version.version = ModelVersion.nextVersionNumber();
            version.status = ModelVersion.CANDIDATE;
            version.encoderId = encoder.id();
            version.encoderSource = encoder.source();
            version.regime = trained.bundle().intent().regime();
            version.parameters = trained.bundle().toBytes();
            version.checksum = Hashing.sha256Hex(version.parameters);
            version.lineage = new LinkedHashMap<>(trained.lineage());
            version.lineage.put("trainingRun", runId);
            version.metrics = new LinkedHashMap<>(trained.metrics());
            version.createdBy = run.startedBy;
            version.persist();
            if (ModelActivation.swap(version.version, null, ModelService.FIRST_MODEL, version.createdBy)) {
                ModelVersion.getEntityManager().refresh(version);
            }
            run.status = TrainingRun.SUCCEEDED;
            run.progress = 1;
            run.step = "Done";
            run.version = version;
            run.finishedAt = OffsetDateTime.now();
            return version;
        });
    }

    /** Ends a run that stopped without a version; a run that already ended (or was reclaimed) keeps its outcome. */
    static void finish(long runId, String status, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingRun run = TrainingRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
            if (run == null || run.finished()) {
                return;
            }
            run.status = status;
            run.error = error;
            run.finishedAt = OffsetDateTime.now();
        });
    }

    /** Asks a run to stop: a queued one ends now, a running one at its next step. False when it has ended. */
    /** @param record runs in the cancelling transaction (the audit entry commits with the cancel) */
    static boolean cancel(long runId, Runnable record) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun run = TrainingRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
            if (run == null || run.finished()) {
                return false;
            }
            if (run.status.equals(TrainingRun.QUEUED)) {
                run.status = TrainingRun.CANCELLED;
                run.finishedAt = OffsetDateTime.now();
            } else {
                run.cancelRequested = true;
            }
            record.run();
            return true;
        });
    }

    static boolean cancelRequested(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(runId).cancelRequested);
    }

    private static TrainingRun running(long runId) {
        TrainingRun run = TrainingRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (!run.status.equals(TrainingRun.RUNNING)) {
            throw new Reclaimed(runId);
        }
        return run;
    }
}
