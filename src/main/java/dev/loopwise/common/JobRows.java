package dev.loopwise.common;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Background jobs kept as rows (training runs, alignment rounds) that any instance sharing the database may
 * run. An instance claims the oldest queued row with one UPDATE instead of waiting on a lock with a pooled
 * connection, and a partial unique index on {@code status = 'running'} keeps one job of a kind running across
 * instances. The instance running a job refreshes its {@code heartbeat_at}; any instance fails a running job
 * whose heartbeat went stale, because only a dead (or cut-off) process stops beating. Queued jobs belong to no
 * instance, so a restart never fails them: whichever instance is free next runs them.
 */
public final class JobRows {
    /** How often an instance refreshes the heartbeat of its jobs; the staleness setting must be well above it. */
    public static final String HEARTBEAT_EVERY = "10s";

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

    /** Claims the oldest queued job when none of this kind is running; empty when there is none or another instance won. */
    public Optional<Long> claim() {
        List<?> claimed;
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                    "update " + table + " set status = 'running', heartbeat_at = now() where id = (select id from " + table
                            + " where status = 'queued' order by id limit 1 for update skip locked)"
                            + " and not exists (select 1 from " + table + " where status = 'running') returning id").getResultList());
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                return Optional.empty(); // another instance claimed a job of this kind at the same moment
            }
            throw e;
        }
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) claimed.get(0)).longValue();
        runningHere.add(id);
        return Optional.of(id);
    }

    /** The job ended (however): this instance stops beating for it. */
    public void released(long id) {
        runningHere.remove(id);
    }

    /** Refreshes the heartbeat of the jobs this instance runs, then fails other instances' jobs that went stale. */
    public List<Long> beatAndReclaim(Duration staleness, String failure) {
        Long[] mine = runningHere.toArray(Long[]::new);
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            if (mine.length > 0) {
                em.createNativeQuery("update " + table + " set heartbeat_at = now() where id = any(?1) and status = 'running'")
                        .setParameter(1, mine).executeUpdate();
            }
            // Two instances reclaiming at once: the second waits for the first's row lock, then sees 'failed' and skips the row.
            List<?> ids = em.createNativeQuery("update " + table + " set status = 'failed', finished_at = now(), " + failedSet
                            + " where status = 'running' and heartbeat_at < now() - ?2 * interval '1 millisecond' returning id")
                    .setParameter(1, failure).setParameter(2, staleness.toMillis()).getResultList();
            return ids.stream().map(id -> ((Number) id).longValue()).toList();
        });
    }

    /** What a job that threw records as its failure: the message, or the kind of failure when it has none. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure instanceof Error || message == null || message.isBlank()
                ? failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message) : message;
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
