package dev.loopwise.common.job;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * PostgreSQL session advisory locks, tried and never waited for: waiting would hold a pooled connection idle
 * for as long as the holder works. Short writes that must take turns wait instead, for a lock that ends with their
 * transaction ({@link #forTransaction}). The lock lives as long as the connection holds it, so a killed process
 * releases it with its connection. (Training runs and rounds are claimed as rows instead: see {@link JobRows}.)
 */
public final class AdvisoryLock {
    private AdvisoryLock() {
    }

    public static boolean tryLock(Connection connection, long key) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("select pg_try_advisory_lock(" + key + ")")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    public static void unlock(Connection connection, long key) throws SQLException {
        connection.createStatement().execute("select pg_advisory_unlock(" + key + ")");
    }

    /**
     * Waits for the lock and holds it until the current transaction ends: for short writes that must take turns (an
     * import, a rebuild), where the wait is as short as the write before.
     */
    public static void forTransaction(EntityManager em, long key) {
        em.createNativeQuery("select pg_advisory_xact_lock(" + key + ")").getSingleResult();
    }

    /**
     * Waits for the lock in shared mode and holds it until the current transaction ends: many writers at once, while a
     * reader that needs a quiet moment ({@link #awaitWriters}) waits for those in flight to end.
     */
    public static void sharedForTransaction(EntityManager em, long key) {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(" + key + ")").getSingleResult();
    }

    /**
     * Returns once every transaction holding the lock in shared mode ({@link #sharedForTransaction}) has ended, and runs
     * {@code read} before any newer one can take it: what those writers wrote is then committed or gone. Writers that come
     * meanwhile wait the few milliseconds this takes.
     */
    public static <T> T awaitWriters(EntityManager em, long key, Supplier<T> read) {
        em.createNativeQuery("select pg_advisory_lock(" + key + ")").getSingleResult();
        try {
            return read.get();
        } finally {
            em.createNativeQuery("select pg_advisory_unlock(" + key + ")").getSingleResult();
        }
    }
}
