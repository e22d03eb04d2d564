package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.review.judging.ReviewNextStep;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.job.JobRows;
import dev.loopwise.common.job.QueuedJobs;
import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.model.TrainingSlot;
import dev.loopwise.model.training.TrainingCancelledException;
import dev.loopwise.review.judging.ReviewStats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs alignment rounds in the background, one at a time across every instance on the database: a round is
 * queued as a row and a Quartz job ({@link QueuedJobs}, {@link RoundJob}) and runs on whichever instance's
 * training slot is free; a queued round survives restarts. The candidate is stored, the
 * active version switched (only if the round's base still serves) and the round's outcome written in one final
 * transaction, so a process killed mid-round leaves the active version serving; the interrupted round is failed
 * once its heartbeat is stale, and can simply be run again.
 */
@ApplicationScoped
public class RoundService {
    @Inject
    AuditLog audit;
    private static final Logger LOG = Logger.getLogger(RoundService.class);
    static final String INTERRUPTED = "Interrupted: the process stopped during the round. The active version was not changed; "
            + "run the round again.";
    static final String SHUT_DOWN = "Stopped: the service shut down during the round. The active version was not changed; "
            + "run the round again.";
    private final JobRows jobs = new JobRows("alignment_rounds",
            "reason = ?1, step = 'Failed', progress = 1, log = log || jsonb_build_array(to_char(now() at time zone 'utc', 'HH24:MI:SS') "
                    + "|| '  Marked failed: its instance stopped sending heartbeats.')");

    @Inject
    ApplicationStopping stopping;
    @Inject
    QueuedJobs queue;
    @Inject
    RoundRunner runner;
    @Inject
    AlignmentConfig config;
    @Inject
    ReviewStats reviewStats;

    /**
     * Queues a round an admin asked for; it starts when no other round is running and an instance's training slot is
     * free. Refused at once when there is nothing at all to learn from, rather than failing a minute later.
     */
    public AlignmentRound start(RoundSettings settings, String startedBy) {
        return startOrShare(settings, startedBy).round();
    }

    /** The round a start led to; {@code shared}: one with the same settings was already queued or running, none was queued. */
    public record Started(AlignmentRound round, boolean shared) {
    }

    /** {@link #start}, saying whether the round it gives was already there. */
    public Started startOrShare(RoundSettings settings, String startedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long judgements = reviewStats.totals().judgements();
            if (judgements == 0 && importedPreferences() == 0) {
                throw ApiException.conflict(NO_JUDGEMENTS, LifecycleMessages.ROUND_NEEDS_JUDGEMENTS);
            }
            if (judgements + importedPreferences() < MIN_COMPARISONS) {
                throw ApiException.conflict(TOO_FEW_JUDGEMENTS, LifecycleMessages.roundNeedsMore(judgements, MIN_COMPARISONS,
                        ReviewNextStep.FIRST_ROUND_JUDGEMENTS));
            }
            RoundSnapshot.activeWithPolicy();
            // Identical requests (a double click, a retried call) share the round already waiting instead of queueing copies
            // that would each run in turn; the lock makes concurrent ones take turns for the few milliseconds of this check.
            AdvisoryLock.forTransaction(AlignmentRound.getEntityManager(), QUEUE_LOCK);
            Map<String, Object> wanted = RoundRequests.describe(settings);
            // A copy sent a moment later may find the first already running (a free slot takes it in milliseconds): it
            // shares that one too while it is a few seconds old.
            return AlignmentRound.<AlignmentRound>list("status = ?1 or status = ?3 and createdAt > ?2 order by id desc", AlignmentRound.QUEUED,
                            OffsetDateTime.now().minus(JobRows.REPEAT_WINDOW), AlignmentRound.RUNNING).stream()
                    .filter(round -> RoundRequests.same(wanted, round.settings)).findFirst()
                    .map(round -> new Started(round, true))
                    .orElseGet(() -> new Started(queue(settings, startedBy), false));
        });
    }

    /** Fewer comparisons leave none aside to measure the new version on: the round could only fail. */
    static final int MIN_COMPARISONS = 10;
    static final String NO_JUDGEMENTS = "no_judgements";
    static final String TOO_FEW_JUDGEMENTS = "too_few_judgements";
    private static final long QUEUE_LOCK = 0x526f756e64517565L;

    /** Asks a round to stop (queued: now; running: at its next step); false when it has already ended. */
    public boolean cancel(long roundId, String actor) {
        return RoundProgress.cancel(roundId, () -> audit.record(actor, "round.cancel", "alignment round " + roundId, Map.of()));
    }

    /** Imported pairs, counted up to what the check needs (the table can be large). */
    static long importedPreferences() {
        return ((Number) AlignmentRound.getEntityManager().createNativeQuery(
                "select count(*) from (select 1 from imported_preferences limit " + MIN_COMPARISONS + ") sample").getSingleResult()).longValue();
    }

    /**
     * The round waiting its turn, or a new one queued with these settings, in the caller's transaction. It looks under the
     * lock {@link #start} takes, so an approval and an admin's start at the same moment queue one round: the later sees the
     * earlier's row instead of both finding none.
     */
    @Transactional
    public AlignmentRound waitingOrQueue(RoundSettings settings, String startedBy) {
        AdvisoryLock.forTransaction(AlignmentRound.getEntityManager(), QUEUE_LOCK);
        return AlignmentRound.<AlignmentRound>find("status = ?1 order by id", AlignmentRound.QUEUED).firstResultOptional()
                .orElseGet(() -> queue(settings, startedBy));
    }

    /** Queues a round, and its job, in the caller's transaction: what asked for it and the round commit together. */
    @Transactional
    public AlignmentRound queue(RoundSettings settings, String startedBy) {
        AlignmentRound created = new AlignmentRound();
        created.method = settings.method();
        created.settings = RoundRequests.describe(settings);
        created.startedBy = startedBy;
        created.step = "Waiting for the round or training that is running to finish";
        created.persist();
        audit.record(startedBy, "round.start", "alignment round " + created.id, created.settings);
        queue.schedule(RoundJob.class, RoundJob.KIND, created.id);
        return created;
    }

    /** This instance's rounds are alive: only the instance running a round may say so. */
    @Scheduled(identity = "round-heartbeat", every = JobRows.HEARTBEAT_EVERY, executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    void beat() {
        jobs.beat();
    }

    /** A round cannot finish in a stopping service: it ends failed now rather than once its heartbeat goes stale. */
    void stop(@Observes ShutdownEvent event) {
        jobs.stopHere(SHUT_DOWN).forEach(id -> LOG.warnf("Alignment round %d stopped: the service is shutting down", id));
    }

    JobRows jobs() {
        return jobs;
    }

    /** Fails rounds whose instance died; once per period across instances. */
    @Scheduled(identity = "round-reclaim", every = JobRows.HEARTBEAT_EVERY,
            skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void reclaim() {
        List<Long> reclaimed = jobs.reclaim(config.heartbeatStaleness(), INTERRUPTED);
        reclaimed.forEach(id -> LOG.warnf("Alignment round %d stopped sending heartbeats (its process stopped): marked failed", id));
    }

    /** Runs queued round {@code roundId} on the calling Quartz thread if this process may train now; true when nothing is left to run. */
    boolean runQueued(long roundId) {
        return TrainingSlot.runIfFree(jobs, roundId, id -> execute(id, () -> runner.run(id)));
    }

    /**
     * Runs a claimed round's work; whatever it throws — an OutOfMemoryError included — is logged and recorded as
     * the round's failure, so no round stays "running" after its work has stopped.
     */
    void execute(long roundId, Runnable work) {
        try {
            work.run();
        } catch (RoundProgress.Reclaimed e) {
            LOG.warn(e.getMessage());
        } catch (RoundProgress.Cancelled | TrainingCancelledException e) {
            LOG.infof("Alignment round %d was cancelled", roundId);
            RoundProgress.cancelled(roundId);
        } catch (Throwable e) {
            // A refusal is the round's answer whenever it comes; anything else while the service stops is the stop itself.
            if (JobRows.isRefusal(e)) {
                LOG.warnf("Alignment round %d failed: %s", roundId, e.getMessage());
            } else if (stopping.now()) {
                LOG.infof("Alignment round %d ended with the service (%s)", roundId, e.toString());
                return;
            } else {
                LOG.errorf(e, "Alignment round %d failed", roundId);
            }
            failQuietly(roundId, e);
        }
    }

    private static void failQuietly(long roundId, Throwable failure) {
        try {
            RoundProgress.fail(roundId, JobRows.describe(failure));
        } catch (Throwable again) {
            // The heartbeat check fails the round once this instance stops beating for it.
            LOG.errorf(again, "Could not record the failure of alignment round %d", roundId);
        }
    }
}
