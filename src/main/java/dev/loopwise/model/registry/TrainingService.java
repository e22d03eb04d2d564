package dev.loopwise.model.registry;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.AdvisoryLock;
import dev.loopwise.common.Hashing;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.encoder.TunedEncoder;
import dev.loopwise.model.intent.IntentRegime;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.TunedEncoderWeights;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Trains model versions in the background: reads the workspace once, trains, stores the version with
 * its metrics and lineage, and records progress so the admin page can draw it. One training at a time
 * across every instance sharing the database (a PostgreSQL advisory lock); later requests wait their turn.
 */
@ApplicationScoped
public class TrainingService {
    @jakarta.inject.Inject
    AuditLog audit;
    private static final Logger LOG = Logger.getLogger(TrainingService.class);
    /** Advisory lock key of model training (any constant shared by all instances). */
    static final long TRAINING_LOCK = 0x4c6f6f7077697365L;

    @Inject
    EmbeddingStore embeddings;
    @Inject
    TrainingConfig config;
    @Inject
    ModelRegistry registry;
    @Inject
    ManagedExecutor executor;
    @Inject
    AgroalDataSource dataSource;

    @Inject
    EncoderService encoderService;

    /** Queues a run and returns at once; {@code regime} is one of {@link IntentRegime#CHOICES}. */
    public TrainingRun start(String requestedRegime, String startedBy) {
        String regime = IntentRegime.parse(requestedRegime); // validates the regime before anything is stored
        TrainingRun run = QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun created = new TrainingRun();
            created.startedBy = startedBy;
            created.settings = new LinkedHashMap<>(Map.of("regime", regime, "seed", config.seed()));
            created.persist();
            audit.record(startedBy, "training.start", "training run " + created.id, Map.of("regime", regime));
            return created;
        });
        long id = run.id;
        executor.runAsync(() -> execute(id, regime));
        return run;
    }

    /** Runs a queued training now, on the calling thread. */
    public void execute(long runId, String regime) {
        try (Connection lock = dataSource.getConnection()) {
            if (!AdvisoryLock.tryLock(lock, TRAINING_LOCK)) {
                progress(runId, TrainingRun.QUEUED, "Waiting for the training that is running to finish", 0);
                AdvisoryLock.lock(lock, TRAINING_LOCK);
            }
            try {
                progress(runId, TrainingRun.RUNNING, "Reading the workspace", 0.01);
                WorkspaceSnapshot workspace = QuarkusTransaction.requiringNew().call(TrainingService::snapshot);
                TrainingConfig t = config;
                EncoderRef encoder = embeddings.workspaceEncoder();
                TrainedModel trained = ModelTrainer.train(
                        new ModelTrainer.Settings(regime, t.seed(), t.minTrainedExamples(), t.retention(), t.oosWeight(), t.policyHidden(),
                                t.policyEpochs(), t.minFineTuneExamples(), t.fineTuneBudget().orElse(null), t.autoFineTune()),
                        workspace, encoders(), encoder, new RunListener(runId));
                ModelVersion version = save(trained, trained.encoder(), runId);
                finish(runId, TrainingRun.SUCCEEDED, null, version.id);
                if (version.status.equals(ModelVersion.ACTIVE)) {
                    registry.reload();
                }
                LOG.infof("Training run %d produced model version %d (%s)", runId, version.version, version.status);
            } finally {
                AdvisoryLock.unlock(lock, TRAINING_LOCK);
            }
        } catch (CancellationException e) {
            LOG.infof("Training run %d was cancelled", runId);
            finish(runId, TrainingRun.CANCELLED, null, null);
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "Training run %d failed", runId);
            finish(runId, TrainingRun.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), null);
        }
    }

    /**
     * Asks a queued or running training to stop; it stops at its next step and no version is made, so the
     * active version keeps serving. False when the run has already ended.
     */
    public boolean cancel(long runId, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun run = TrainingRun.findById(runId);
            if (run == null || run.finished()) {
                return false;
            }
            run.cancelRequested = true;
            audit.record(actor, "training.cancel", "training run " + runId, Map.of());
            return true;
        });
    }

    private TrainingEncoders encoders() {
        return new TrainingEncoders() {
            @Override
            public float[][] embed(EncoderRef encoder, List<String> texts) {
                return embeddings.embed(encoder, texts);
            }

            @Override
            public EncoderSource source(EncoderRef base) {
                return encoderService.source(base);
            }

            @Override
            public String prefix(EncoderRef encoder) {
                return encoderService.prefix(encoder);
            }

            @Override
            public EncoderRef storeTuned(EncoderRef base, TunedEncoderWeights tuned) {
                return TunedEncoder.store(base, tuned);
            }
        };
    }

    /** Records progress (at most about once a second) and reads cancel requests (as often). */
    private final class RunListener implements ModelTrainer.Listener {
        private final long runId;
        private long lastWrite;
        private long lastRead;
        private boolean cancelled;

        RunListener(long runId) {
            this.runId = runId;
        }

        @Override
        public void step(String message, double done) {
            long now = System.nanoTime();
            if (now - lastWrite > 1_000_000_000L || done == 0 || lastWrite == 0) {
                lastWrite = now;
                progress(runId, TrainingRun.RUNNING, message, done);
            }
            if (cancelled()) {
                throw new CancellationException("Training run " + runId + " was cancelled");
            }
        }

        @Override
        public boolean cancelled() {
            long now = System.nanoTime();
            if (!cancelled && now - lastRead > 1_000_000_000L) {
                lastRead = now;
                cancelled = QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(runId).cancelRequested);
            }
            return cancelled;
        }
    }

    static WorkspaceSnapshot snapshot() {
        List<WorkspaceSnapshot.IntentInfo> intents = Intent.listByName().stream()
                .map(i -> new WorkspaceSnapshot.IntentInfo(i.name, i.description)).toList();
        List<WorkspaceSnapshot.TicketInfo> tickets = Ticket.<Ticket>find("from Ticket t join fetch t.intent order by t.id").list().stream()
                .map(t -> new WorkspaceSnapshot.TicketInfo(t.id, t.text, t.intent.name, t.response, t.split)).toList();
        List<WorkspaceSnapshot.ReplyInfo> replies = Reply.listActive().stream()
                .map(r -> new WorkspaceSnapshot.ReplyInfo(r.id, r.intent.name, r.text)).toList();
        return new WorkspaceSnapshot(intents, tickets, replies);
    }

    private ModelVersion save(TrainedModel trained, EncoderRef encoder, long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion version = new ModelVersion();
            version.version = ModelVersion.nextVersionNumber();
            boolean first = ModelVersion.findActive().isEmpty();
            version.status = first ? ModelVersion.ACTIVE : ModelVersion.CANDIDATE;
            version.encoderId = encoder.id();
            version.encoderSource = encoder.source();
            version.regime = trained.bundle().intent().regime();
            version.parameters = trained.bundle().toBytes();
            version.checksum = Hashing.sha256Hex(version.parameters);
            version.lineage = new LinkedHashMap<>(trained.lineage());
            version.lineage.put("trainingRun", runId);
            version.metrics = new LinkedHashMap<>(trained.metrics());
            version.createdBy = TrainingRun.<TrainingRun>findById(runId).startedBy;
            if (first) {
                version.activatedAt = OffsetDateTime.now();
            }
            version.persist();
            if (first) {
                ModelActivation.record(version.version, null, ModelService.FIRST_MODEL, version.createdBy);
            }
            return version;
        });
    }

    private void progress(long runId, String status, String step, double progress) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingRun run = TrainingRun.findById(runId);
            run.status = status;
            run.step = step;
            run.progress = progress;
        });
    }

    private void finish(long runId, String status, String error, Long versionId) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingRun run = TrainingRun.findById(runId);
            run.status = status;
            run.error = error;
            run.progress = status.equals(TrainingRun.SUCCEEDED) ? 1 : run.progress;
            run.step = status.equals(TrainingRun.SUCCEEDED) ? "Done" : run.step;
            run.version = versionId == null ? null : ModelVersion.findById(versionId);
            run.finishedAt = OffsetDateTime.now();
        });
    }

}
