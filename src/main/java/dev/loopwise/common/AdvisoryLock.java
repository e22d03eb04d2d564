package dev.loopwise.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL session advisory locks, tried and never waited for: waiting would hold a pooled connection idle
 * for as long as the holder works. The lock lives as long as the connection holds it, so a killed process
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
}
