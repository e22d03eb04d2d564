package dev.loopwise.model.registry.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which versions retention clears, on a history written by hand in a schema of its own (the shared test database's versions
 * belong to other tests, and any of them may roll back to one). Twelve versions, the newest three kept:
 * <pre>
 *  v1 retired   a kept version (v10) holds its candidates close to it          kept
 *  v2 retired   only v3 holds its candidates close to it, and v3 goes          cleared
 *  v3 retired   nothing needs it                                               cleared
 *  v4 active                                                                   kept
 *  v5 rejected  reviewers compare it with the active version                   kept
 *  v6 candidate                                                                kept
 *  v7 retired   a running round started from it                                kept
 *  v8 retired   served just before the active version                          kept
 *  v9 rejected  only a finished round named it                                 cleared
 *  v10–v12      the newest three                                               kept
 * </pre>
 */
class VersionRetentionTest {
    private static final String SCHEMA = "version_retention_check";
    private static final String URL = System.getenv().getOrDefault("LOOPWISE_TEST_DB_URL", "jdbc:postgresql://localhost:5432/loopwise_test");
    private static final String USER = System.getenv().getOrDefault("LOOPWISE_DB_USER", "loopwise");
    private static final String PASSWORD = System.getenv().getOrDefault("LOOPWISE_DB_PASSWORD", "loopwise");

    private Connection connection;

    @BeforeEach
    void migrate() throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(SCHEMA).locations("classpath:db/migration")
                .cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        connection = DriverManager.getConnection(URL, USER, PASSWORD);
        try (Statement s = connection.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        connection.close();
    }

    @Test
    void clearsOnlyOldVersionsNothingNeeds() throws SQLException {
        version(1, "retired", "{}", false, null);
        version(2, "retired", "{}", false, null);
        version(3, "retired", "{\"referenceVersion\": 2}", false, "aaaaaaaaaaaaaaaa");
        version(4, "active", "{}", false, null);
        version(5, "rejected", "{}", true, null);
        version(6, "candidate", "{}", false, null);
        version(7, "retired", "{}", false, null);
        version(8, "retired", "{}", false, null);
        version(9, "rejected", "{}", false, null);
        version(10, "retired", "{\"referenceVersion\": 1}", false, "bbbbbbbbbbbbbbbb");
        version(11, "rejected", "{}", false, null);
        version(12, "retired", "{}", false, null);
        execute("insert into alignment_rounds (method, settings, status, base_version) values ('reward_weighted', '{}', 'running', 7),"
                + " ('reward_weighted', '{}', 'promoted', 9)");
        execute("insert into model_activations (version, previous_version, reason) values (8, 2, 'promote'), (4, 8, 'rollback')");
        tuned("aaaaaaaaaaaaaaaa", "2 days"); // only v3 read it
        tuned("bbbbbbbbbbbbbbbb", "2 days"); // v10 reads it
        tuned("cccccccccccccccc", "1 hour"); // a training stored it and has not saved its version yet

        VersionRetention.Removed removed = VersionRetention.keepNewest(connection, 3);

        assertEquals(List.of(2, 3, 9), cleared());
        assertEquals(new VersionRetention.Removed(3, 1), removed);
        assertEquals(List.of("bbbbbbbbbbbbbbbb", "cccccccccccccccc"), tunedLeft());
        assertEquals(new VersionRetention.Removed(0, 0), VersionRetention.keepNewest(connection, 3), "a second pass finds nothing");
        assertEquals(List.of(2, 3, 9), cleared());
    }

    @Test
    void keepingNoVersionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> VersionRetention.keepNewest(connection, 0));
    }

    private void version(int number, String status, String lineage, boolean underReview, String tunedHash) throws SQLException {
        String encoder = tunedHash == null ? "bge-small-en-v1.5@x/cls" : "bge-small-en-v1.5@x/cls+ft:" + tunedHash;
        execute("insert into model_versions (version, status, encoder_id, regime, parameters, checksum, lineage, metrics, under_review,"
                + " activated_at) values (" + number + ", '" + status + "', '" + encoder + "', 'trained', '\\x00', 'c" + number
                + "', '" + lineage + "', '{}', " + underReview + ", " + (status.equals("retired") || status.equals("active") ? "now()" : "null") + ")");
    }

    private void tuned(String hash, String age) throws SQLException {
        execute("insert into tuned_encoders (hash_prefix, sha256, base_encoder_id, weights, size_bytes, created_at) values ('" + hash
                + "', '" + hash.repeat(4) + "', 'bge-small-en-v1.5@x/cls', '\\x00', 1, now() - interval '" + age + "')");
    }

    private List<Integer> cleared() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery("select version from model_versions where weights_removed_at is not null"
                     + " and parameters is null order by version")) {
            while (rows.next()) {
                out.add(rows.getInt(1));
            }
        }
        return out;
    }

    private List<String> tunedLeft() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("select hash_prefix from tuned_encoders order by 1")) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
