package dev.loopwise.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The migration that starts keeping row counts must count the rows an installed database already holds: tests otherwise always
 * begin on an empty schema, where counting what is there proves nothing. Runs the real migrations in a schema of its own, stops
 * before the counts, writes rows as an older version would have, then migrates on.
 */
class RowCountsMigrationTest {
    private static final String SCHEMA = "row_counts_migration_check";
    private static final String URL = System.getenv().getOrDefault("LOOPWISE_TEST_DB_URL", "jdbc:postgresql://localhost:5432/loopwise_test");
    private static final String USER = System.getenv().getOrDefault("LOOPWISE_DB_USER", "loopwise");
    private static final String PASSWORD = System.getenv().getOrDefault("LOOPWISE_DB_PASSWORD", "loopwise");

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(SCHEMA).locations("classpath:db/migration")
                .cleanDisabled(false).target(target).load();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void rowsWrittenBeforeTheCountsExistedAreCounted() throws SQLException {
        flyway("42").clean();
        flyway("42").migrate();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            s.execute("insert into intents (name) values ('refund'), ('delivery')");
            s.execute("""
                    insert into tickets (text, text_hash, source, intent_id)
                    select 'ticket ' || n, md5('ticket ' || n), 'import',
                           case when n % 3 = 0 then null when n % 3 = 1 then (select id from intents where name = 'refund')
                                else (select id from intents where name = 'delivery') end
                    from generate_series(1, 30) n""");
            s.execute("""
                    insert into knowledge_articles (article_key, title, format, body_chars)
                    select 'a' || n, 'Article ' || n, 'markdown', 100 from generate_series(1, 4) n""");
        }
        flyway("latest").migrate();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            assertEquals(Map.of(0L, 10L, intent(s, "refund"), 10L, intent(s, "delivery"), 10L), counts(s, "tickets"));
            assertEquals(Map.of(0L, 4L), counts(s, "knowledge_articles"));
            // And the triggers count from there on.
            s.execute("update tickets set intent_id = (select id from intents where name = 'refund') where intent_id is null");
            s.execute("delete from knowledge_articles where article_key = 'a1'");
            assertEquals(Map.of(0L, 0L, intent(s, "refund"), 20L, intent(s, "delivery"), 10L), counts(s, "tickets"));
            assertEquals(Map.of(0L, 3L), counts(s, "knowledge_articles"));
        }
    }

    @Test
    void roundsActionsAndActivationsWrittenBeforeTheirCountsExistedAreCounted() throws SQLException {
        flyway("45").clean();
        flyway("45").migrate();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            s.execute("insert into alignment_rounds (method, settings, status) select 'dpo', '{}'::jsonb, 'failed' from generate_series(1, 5)");
            s.execute("insert into monitoring_actions (action, reason) select 'review_items', 'r' from generate_series(1, 3)");
            s.execute("insert into model_activations (version, reason) select n, 'promote' from generate_series(1, 2) n");
        }
        flyway("latest").migrate();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            assertEquals(Map.of(0L, 5L), counts(s, "alignment_rounds"));
            assertEquals(Map.of(0L, 3L), counts(s, "monitoring_actions"));
            assertEquals(Map.of(0L, 2L), counts(s, "model_activations"));
            s.execute("delete from alignment_rounds where id = (select min(id) from alignment_rounds)");
            s.execute("insert into model_activations (version, reason) values (3, 'rollback')");
            s.execute("truncate monitoring_actions");
            assertEquals(Map.of(0L, 4L), counts(s, "alignment_rounds"));
            assertEquals(Map.of(0L, 0L), counts(s, "monitoring_actions"));
            assertEquals(Map.of(0L, 3L), counts(s, "model_activations"));
        }
    }

    private static long intent(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("select id from intents where name = '" + name + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** What a figure reads: the folded counts plus the deltas not yet folded, per key. */
    private static Map<Long, Long> counts(Statement s, String counted) throws SQLException {
        Map<Long, Long> counts = new TreeMap<>();
        try (ResultSet r = s.executeQuery("""
                select key, sum(rows) from (select key, rows from row_counts where counted = '%s'
                                            union all select key, delta from row_count_deltas where counted = '%s') k
                group by key""".formatted(counted, counted))) {
            while (r.next()) {
                counts.put(r.getLong(1), r.getLong(2));
            }
        }
        return counts;
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}
