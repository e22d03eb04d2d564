package dev.loopwise.model.registry.training;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.job.JobRows;
import dev.loopwise.common.job.QueuedJobs;
import dev.loopwise.common.job.StatusWords;
import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.model.TrainingSlot;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.intent.IntentRegime;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;

/**
 * Trains model versions in the background: reads the workspace once, trains, stores the version with its
 * metrics and lineage, and records progress so the admin page can draw it. One training runs at a time across
 * every instance sharing the database: a run is queued as a row and a Quartz job ({@link QueuedJobs},
 * {@link TrainingJob}) and runs on whichever instance's training slot is free; later requests wait, holding no
 * connection, and survive restarts.
 */
@ApplicationScoped
public class TrainingService {
    private static final Logger LOG = Logger.getLogger(TrainingService.class);
    static final String INTERRUPTED = "Interrupted: the process stopped during the training. No version was made; train again.";
    private final JobRows jobs = new JobRows("training_runs", "error = ?1");

    /** A training cannot finish in a stopping service: it ends failed now rather than once its heartbeat goes stale. */
    void stop(@Observes ShutdownEvent event) {
        jobs.stopHere("Stopped: the service shut down during the training; the active version was not changed. Train again.")
                .forEach(id -> LOG.warnf("Training run %d stopped: the service is shutting down", id));
    }

    @Inject
    EmbeddingStore embeddings;
    @Inject
    ApplicationStopping stopping;
    @Inject
    TrainingConfig config;
    @Inject
    ModelRegistry registry;
    @Inject
    QueuedJobs queue;
    @Inject
    EncoderService encoderService;
    @Inject
    AuditLog audit;

    /** Queues a run and returns at once; {@code regime} is one of {@link IntentRegime#CHOICES}. */
    public TrainingRun start(String requestedRegime, String startedBy) {
        String regime = IntentRegime.parse(requestedRegime); // validates the regime before anything is stored
        TrainingRun run = QuarkusTransaction.requiringNew().call(() -> {
            refuseWithoutIntents();
            if (regime.equals(IntentRegime.FINETUNE)) {
                refuseIntentsWithoutTickets();
            }
            // The same request twice (a double click, a retried call) shares the run already waiting instead of queueing a
            // copy that would train the same version again; the lock lets concurrent ones take turns for this check only.
            AdvisoryLock.forTransaction(TrainingRun.getEntityManager(), QUEUE_LOCK);
            // A copy sent a moment later may find the first already running: it shares that one too while it is a few seconds old.
            Optional<TrainingRun> waiting = TrainingRun.<TrainingRun>list("status = ?1 or status = ?3 and createdAt > ?2 order by id desc",
                            TrainingRun.QUEUED, OffsetDateTime.now().minus(JobRows.REPEAT_WINDOW), TrainingRun.RUNNING).stream()
                    .filter(queued -> queued.settings != null && regime.equals(queued.settings.get("regime"))).findFirst();
            if (waiting.isPresent()) {
                return waiting.get();
            }
            // Another training under way refuses a new one: it would only wait, then learn from the same tickets.
            Optional<TrainingRun> unfinished = TrainingRun.oldestUnfinished();
            if (unfinished.isPresent()) {
                throw ApiException.conflict("training_running", LifecycleMessages.trainingRunning(
                        unfinished.get().id, StatusWords.words(unfinished.get().status)));
            }
            TrainingRun created = new TrainingRun();
            created.startedBy = startedBy;
            created.step = "Queued: it starts once no other training or round is running (usually at once)";
            created.settings = new LinkedHashMap<>(Map.of("regime", regime, "seed", config.seed()));
            created.persist();
            audit.record(startedBy, "training.start", "training run " + created.id, Map.of("regime", regime));
            queue.schedule(TrainingJob.class, TrainingJob.KIND, created.id);
            return created;
        });
        return run;
    }

    private static final long QUEUE_LOCK = 0x547261696e517565L;

    /** A run with no intent to learn would only fail a moment later and stay on the Models page as a failed training. */
    private static void refuseWithoutIntents() {
        boolean any = (Boolean) TrainingRun.getEntityManager().createNativeQuery("select exists (select 1 from intents)").getSingleResult();
        if (!any) {
            throw ApiException.conflict("no_intents", LifecycleMessages.noIntentsToTrain());
        }
    }

    /**
     * Fine-tuning learns every intent from at least two of its tickets (the out-of-scope intent from one): said before
     * the run queues, not when it fails a moment later.
     */
    private static void refuseIntentsWithoutTickets() {
        @SuppressWarnings("unchecked")
        List<Object[]> few = TrainingRun.getEntityManager().createNativeQuery("""
                select i.name, count(t.id) from intents i left join tickets t on t.intent_id = i.id group by i.id, i.name
                having count(t.id) = 0 or count(t.id) < 2 and i.name <> ?1 order by count(t.id), i.name limit 11""")
                .setParameter(1, ModelTrainer.OUT_OF_SCOPE_LABEL).getResultList();
        if (!few.isEmpty()) {
            Map<String, Long> tickets = new LinkedHashMap<>();
            few.forEach(row -> tickets.put((String) row[0], ((Number) row[1]).longValue()));
            throw ApiException.conflict("intents_without_tickets", LifecycleMessages.fineTuneNeedsTickets(tickets));
        }
    }

    /** This instance's runs are alive: only the instance running a run may say so. */
    @Scheduled(identity = "training-heartbeat", every = JobRows.HEARTBEAT_EVERY, executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    void beat() {
        jobs.beat();
    }

    /** Fails runs whose instance died; once per period across instances. */
    @Scheduled(identity = "training-reclaim", every = JobRows.HEARTBEAT_EVERY,
            skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void reclaim() {
        List<Long> reclaimed = jobs.reclaim(config.heartbeatStaleness(), INTERRUPTED);
        reclaimed.forEach(id -> LOG.warnf("Training run %d stopped sending heartbeats (its process stopped): marked failed", id));
    }

    /**
     * Runs queued run {@code runId} on the calling Quartz thread if this process may train now; true when nothing
     * is left to run for it.
     */
    boolean runQueued(long runId) {
        return TrainingSlot.runIfFree(jobs, runId, id -> execute(id, () -> train(id)));
    }

    /**
     * Runs a claimed run's work; whatever it throws — an OutOfMemoryError included — is logged and recorded as
     * the run's failure, so no run stays "running" after its work has stopped.
     */
    void execute(long runId, Runnable work) {
        try {
            work.run();
        } catch (CancellationException e) {
            LOG.infof("Training run %d was cancelled", runId);
            TrainingRecords.finish(runId, TrainingRun.CANCELLED, null);
        } catch (TrainingRecords.Reclaimed e) {
            LOG.warn(e.getMessage());
        } catch (Throwable e) {
            if (stopping.now()) {
                LOG.infof("Training run %d ended with the service (%s)", runId, e.toString());
                return;
            }
            if (JobRows.isRefusal(e)) {
                LOG.warnf("Training run %d failed: %s", runId, e.getMessage()); // what the workspace holds, not a fault
            } else {
                LOG.errorf(e, "Training run %d failed", runId);
            }
            try {
                TrainingRecords.finish(runId, TrainingRun.FAILED, JobRows.describe(e));
            } catch (Throwable again) {
                // The heartbeat check fails the run once this instance stops beating for it.
                LOG.errorf(again, "Could not record the failure of training run %d", runId);
            }
        }
    }

    private void train(long runId) {
        String regime = TrainingRecords.regime(runId);
        TrainingRecords.progress(runId, "Reading the workspace", 0.01);
        WorkspaceSnapshot workspace = TrainingRecords.snapshot();
        TrainingConfig t = config;
        EncoderRef encoder = embeddings.workspaceEncoder();
        TrainedModel trained = ModelTrainer.train(
                new ModelTrainer.Settings(regime, t.seed(), t.minTrainedExamples(), t.retention(), t.oosWeight(), t.policyHidden(),
                        t.policyEpochs(), t.minFineTuneExamples(), t.fineTuneBudget().orElse(null), t.autoFineTune()),
                workspace, new StoredEncoders(embeddings, encoderService), encoder, new RunProgress(runId));
        ModelVersion version = TrainingRecords.saveAndFinish(trained, trained.encoder(), runId);
        if (version.status.equals(ModelVersion.ACTIVE)) {
            registry.reload();
        }
        LOG.infof("Training run %d produced model version %d (%s)", runId, version.version, version.status);
    }

    /**
     * Asks a queued or running training to stop; a queued one ends at once, a running one at its next step, and no
     * version is made, so the active version keeps serving. False when the run has already ended.
     */
    public boolean cancel(long runId, String actor) {
        return TrainingRecords.cancel(runId, () -> audit.record(actor, "training.cancel", "training run " + runId, Map.of()));
    }
}
