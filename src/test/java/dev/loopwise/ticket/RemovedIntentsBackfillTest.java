package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V62 must fill the table of removed intents from what an installed database already holds, which the tests' empty schema
 * never has. The real migrations run up to V61 in a database of this test's own, made on the same server with the same
 * credentials, rows are written there as the older version wrote them, V62 runs over them, and the database is dropped.
 * A database of its own rather than a schema: extensions such as pg_trgm exist once per database, so a scratch schema
 * would share them with the test database, and dropping it would take them, and the indexes built on them, along.
 */
class RemovedIntentsBackfillTest {
    private static final String URL = System.getenv().getOrDefault("LOOPWISE_TEST_DB_URL", "jdbc:postgresql://localhost:5432/loopwise_test");
    private static final String USER = System.getenv().getOrDefault("LOOPWISE_DB_USER", "loopwise");
    private static final String PASSWORD = System.getenv().getOrDefault("LOOPWISE_DB_PASSWORD", "loopwise");
    /** Removals in the trail are dated 2026-01-dd; the names only lineage tells of get the time V62 ran. */
    private static final String AT_MIGRATION = "at migration";

    private final String database = "v62_test_" + UUID.randomUUID().toString().replace("-", "");
    private final String scratchUrl = withDatabase(URL, database);

    @Test
    void removalsInTheTrailAndNamesOnlyVersionsKnewAreNotedOnceEach() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            // create database takes a role's name, not current_user: the role this test connects as owns it.
            try (ResultSet me = s.executeQuery("select quote_ident(current_user)")) {
                me.next();
                s.execute("create database " + database + " owner " + me.getString(1) + " template template0");
            }
        }
        Throwable failure = null;
        try {
            flyway("61").migrate();
            try (Connection c = connection(); Statement s = c.createStatement()) {
                s.execute("insert into intents (name, former_names) values ('promo', '{discount}'), ('shipping', '{delivery}')");
                // refund_late was late_refund before a rename, and was removed twice over: the later removal counts.
                renamed(s, "late_refund", "refund_late", "2026-01-02");
                gone(s, "intent.remove", "refund_late", "2026-01-05");
                gone(s, "intent.remove", "refund_late", "2026-01-09");
                gone(s, "intent.merge", "gift_wrap", "2026-01-07");
                // promo went; an intent made later under that name is an intent again and was renamed from discount.
                gone(s, "intent.remove", "promo", "2026-01-03");
                renamed(s, "discount", "promo", "2026-01-08");
                renamed(s, "delivery", "shipping", "2026-01-04");
                // Entries that are not an intent's removal, and a name longer than the table holds.
                s.execute("insert into audit_events (actor, action, target, occurred_at) values"
                        + " ('admin', 'reply.remove', 'reply 7', '2026-01-06Z'), ('admin', 'intent.create', 'intent warranty', '2026-01-06Z'),"
                        + " ('admin', 'intent.remove', 'intent " + "x".repeat(101) + "', '2026-01-06Z')");
                // warranty and late_refund were learned by a version and no intent has them now; the trail tells of neither going.
                version(s, 1, "{\"intents\": [\"shipping\", \"delivery\", \"oos\", \"warranty\", \"refund_late\", \"promo\", \"late_refund\", \""
                        + "y".repeat(101) + "\"]}");
                version(s, 2, "{\"intents\": [\"warranty\", \"discount\"]}");
                version(s, 3, "{\"baseVersion\": 2}");
                version(s, 4, "{\"intents\": \"not a list\"}");
            }

            flyway("62").migrate();

            try (Connection c = connection(); Statement s = c.createStatement()) {
                List<String> noted = new ArrayList<>();
                try (ResultSet rows = s.executeQuery("select name, case when removed_at >= timestamptz '2026-02-01Z' then '" + AT_MIGRATION
                        + "' else to_char(removed_at at time zone 'UTC', 'YYYY-MM-DD') end from removed_intents order by name")) {
                    while (rows.next()) {
                        noted.add(rows.getString(1) + " " + rows.getString(2));
                    }
                }
                assertEquals(List.of("gift_wrap 2026-01-07", "late_refund " + AT_MIGRATION, "promo 2026-01-03", "refund_late 2026-01-09",
                        "warranty " + AT_MIGRATION), noted);
                try (ResultSet left = s.executeQuery("select count(*) from pg_indexes where schemaname = current_schema()"
                        + " and indexname = 'audit_events_intent_gone_idx'")) {
                    left.next();
                    assertEquals(0, left.getInt(1), "the index only this backfill read is dropped");
                }
            }
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            dropDatabase(failure);
        }
    }

    /** Drops the scratch database; a failure to drop rides along with the test's own failure rather than hiding it. */
    private void dropDatabase(Throwable failure) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** {@code url} with its database name swapped for {@code name}, keeping host, port and parameters. */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        int slash = path.lastIndexOf('/');
        if (slash < 0 || slash < path.indexOf("//") + 2) {
            throw new IllegalArgumentException("LOOPWISE_TEST_DB_URL names no database: " + url);
        }
        return path.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(scratchUrl, USER, PASSWORD).locations("classpath:db/migration").target(target).load();
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(scratchUrl, USER, PASSWORD);
    }

    /** The entry of an edit that renamed intent {@code from} to {@code to}: entered under the new name, as the app writes it. */
    private static void renamed(Statement s, String from, String to, String day) throws SQLException {
        entry(s, "intent.edit", to, day, "{\"renamedFrom\": \"" + from + "\"}");
    }

    /** The entry of intent {@code name}'s removal or merge ({@code action}). */
    private static void gone(Statement s, String action, String name, String day) throws SQLException {
        entry(s, action, name, day, "{}");
    }

    private static void entry(Statement s, String action, String name, String day, String details) throws SQLException {
        s.execute("insert into audit_events (actor, action, target, occurred_at, details) values ('admin', '" + action + "', 'intent " + name
                + "', '" + day + "Z', '" + details + "')");
    }

    /** A retired version whose weights are gone, with {@code lineage}. */
    private static void version(Statement s, int version, String lineage) throws SQLException {
        s.execute("insert into model_versions (version, status, encoder_id, regime, checksum, lineage, metrics, weights_removed_at)"
                + " values (" + version + ", 'retired', 'e', 'frozen', 'c', '" + lineage + "', '{}', now())");
    }
}
