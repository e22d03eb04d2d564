package dev.loopwise.common.job;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.runtime.InstanceName;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Background jobs kept as rows (training runs, alignment rounds): the row is the record of a job's status,
 * progress and outcome; when it runs is Quartz's business ({@link QueuedJobs}). An instance claims a queued row
 * with one UPDATE, and a partial unique index on {@code status = 'running'} keeps one job of a kind running
 * across instances. The instance running a job refreshes its {@code heartbeat_at}; a running job whose
 * heartbeat went stale is failed, because only a dead (or cut-off) process stops beating.
 */
public final class JobRows {
    /** How often an instance refreshes the heartbeat of its jobs; the staleness setting must be well above it. */
    public static final String HEARTBEAT_EVERY = "10s";

    /**
     * How long after a job was asked for an identical request (a double click, a retried call) shares it even though
     * it already runs: longer than a retry takes, shorter than anyone would ask for the same job again on purpose.
     */
    public static final Duration REPEAT_WINDOW = Duration.ofSeconds(5);

    /** Where a row stands, seen by the job that would run it. */
    public enum State {
        /** Queued, and may start now if this process's training slot is free. */
        QUEUED,
        /** Queued or running, but not startable now: an older one is queued, or one of its kind runs. */
        WAITING,
        /** Finished, failed, cancelled, or gone: nothing left to run. */
        ENDED
    }

    private final String table;
    private final String failedSet;
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();

    /**
     * @param failedSet the SET clause that records why a job was reclaimed, with {@code ?1} for the sentence
     *                  (e.g. {@code "error = ?1"})
     */
    public JobRows(String table, String failedSet) {
        this.table = table;
        this.failedSet = failedSet;
    }

    public State state(long id) {
        List<?> status = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select status from " + table + " where id = ?1").setParameter(1, id).getResultList());
        if (status.isEmpty() || !List.of("queued", "running").contains(String.valueOf(status.get(0)))) {
            return State.ENDED;
        }
        return "queued".equals(status.get(0)) ? State.QUEUED : State.WAITING;
    }

    /**
     * Claims queued row {@code id} if it is the oldest queued one and none of its kind runs: queued jobs start in
     * the order they were asked for. False when it may not start now (or another instance won it).
     */
    public boolean claim(long id) {
        List<?> claimed;
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                    "update " + table + " set status = 'running', heartbeat_at = now(), ran_on = ?2 where id = ?1"
                            + " and status = 'queued'"
                            + " and id = (select min(id) from " + table + " where status = 'queued')"
                            + " and not exists (select 1 from " + table + " where status = 'running') returning id")
                    .setParameter(1, id).setParameter(2, InstanceName.current()).getResultList());
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                return false; // another instance claimed a job of this kind at the same moment
            }
            throw e;
        }
        if (claimed.isEmpty()) {
            return false;
        }
        runningHere.add(id);
        return true;
    }

    /**
     * Claims queued row {@code id} ({@link #claim}) and runs {@code work} for it on the calling thread, beating for it
     * meanwhile; false when it may not start now.
     */
    public boolean runClaimed(long id, LongConsumer work) {
        if (!claim(id)) {
            return false;
        }
        try {
            work.accept(id);
        } finally {
            released(id);
        }
        return true;
    }

    /** Runs row {@code id} on the calling thread if it is queued and may start now; true when nothing is left to run for it. */
    public boolean runIfQueued(long id, LongConsumer work) {
        State state = state(id);
        if (state != State.QUEUED) {
            return state == State.ENDED;
        }
        return runClaimed(id, work);
    }

    /**
     * An admin's cancel of {@code row}, locked for writing: a queued job ends at once ({@code endQueued}), a running one is
     * asked to stop after the step it is on; {@code audit} records the first ask only. False when the job has ended.
     */
    public static <E extends JobRowEntity> boolean requestCancel(E row, Consumer<E> endQueued, Runnable audit) {
        if (row.hasEnded()) {
            return false;
        }
        if (row.cancelRequested) {
            return true;
        }
        if (JobRowEntity.QUEUED.equals(row.status)) {
            endQueued.accept(row);
        } else {
            row.cancelRequested = true;
        }
        audit.run();
        return true;
    }

    /** The job ended (however): this instance stops beating for it. */
    public void released(long id) {
        runningHere.remove(id);
    }

    /** Refreshes the heartbeat of the jobs this instance runs (each instance for its own). */
    public void beat() {
        Long[] mine = runningHere.toArray(Long[]::new);
        if (mine.length > 0) {
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                    .createNativeQuery("update " + table + " set heartbeat_at = now() where id = any(?1) and status = 'running'")
                    .setParameter(1, mine).executeUpdate());
        }
    }

    /** Fails running jobs whose heartbeat went stale (their process died) and returns their ids. */
    public List<Long> reclaim(Duration staleness, String failure) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = Panache.getEntityManager().createNativeQuery("update " + table + " set status = 'failed', finished_at = now(), "
                            + failedSet + " where status = 'running' and heartbeat_at < now() - ?2 * interval '1 millisecond' returning id")
                    .setParameter(1, failure).setParameter(2, staleness.toMillis()).getResultList();
            return ids.stream().map(id -> ((Number) id).longValue()).toList();
        });
    }

    /**
     * Fails the jobs this instance runs, when it shuts down: they cannot finish here, and a job failed now is one
     * nobody waits two minutes for. A job whose final transaction committed first keeps its outcome.
     */
    public List<Long> stopHere(String failure) {
        Long[] mine = runningHere.toArray(Long[]::new);
        if (mine.length == 0) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = Panache.getEntityManager().createNativeQuery("update " + table + " set status = 'failed', finished_at = now(), "
                            + failedSet + " where status = 'running' and id = any(?2) returning id")
                    .setParameter(1, failure).setParameter(2, mine).getResultList();
            return ids.stream().map(id -> ((Number) id).longValue()).toList();
        });
    }

    /** What a job that threw records as its failure: the message, or the kind of failure when it has none. */
    public static String describe(Throwable failure) {
        return describe(failure, " The active version was not changed.");
    }

    /** The same, with what the failure left unchanged said after an unexpected one ({@code unchanged}, or ""). */
    public static String describe(Throwable failure, String unchanged) {
        String message = failure.getMessage();
        boolean said = message != null && !message.isBlank();
        if (failure instanceof OutOfMemoryError) {
            return "OutOfMemoryError" + (said ? ": " + message : "") + ". The service ran out of memory: give it more (JAVA_OPTS"
                    + " -Xmx) or train on less." + unchanged;
        }
        // Loopwise's own refusals are written for the page; a library's message (PyTorch's, a driver's, the JDK's "For input
        // string") is not, though it may come in the same exception types: only one made in Loopwise's code is shown.
        if (said && (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                || failure instanceof ApiException) && madeByLoopwise(failure)) {
            return message;
        }
        return "An unexpected error stopped it (" + failure.getClass().getSimpleName() + "); the service log has the details."
                + unchanged;
    }

    /**
     * Whether a job's failure is one of Loopwise's own refusals (what the workspace holds, written for the page), which the
     * log records as a line; anything else is logged with its stack, since the page then points to the log for details.
     */
    public static boolean isRefusal(Throwable failure) {
        return (failure instanceof IllegalArgumentException || failure instanceof ApiException) && madeByLoopwise(failure);
    }

    /** Whether the exception was constructed in Loopwise's code: the innermost frame of its trace is ours. */
    private static boolean madeByLoopwise(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("dev.loopwise.");
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
