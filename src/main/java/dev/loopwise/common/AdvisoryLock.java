package dev.loopwise.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL session advisory locks: what makes training, rounds and drift checks run once across every
 * instance sharing the database. The lock lives as long as the connection holds it, so a killed process
 * releases it with its connection.
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

    /** Waits for the lock. */
    public static void lock(Connection connection, long key) throws SQLException {
        connection.createStatement().execute("select pg_advisory_lock(" + key + ")");
    }

    public static void unlock(Connection connection, long key) throws SQLException {
        connection.createStatement().execute("select pg_advisory_unlock(" + key + ")");
    }
}
