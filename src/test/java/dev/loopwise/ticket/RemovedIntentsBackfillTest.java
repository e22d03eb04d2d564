package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements of V62 that fill the table of removed intents from what a database held before it, run on rows made
 * here. They run in temporary tables of the same names, which the database reads before the real ones within this
 * connection, and the transaction is rolled back: nothing of the shared database is read or changed.
 */
@QuarkusTest
class RemovedIntentsBackfillTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void removalsRenameChainsAndNamesOnlyOldVersionsKnewAreNotedAsGone() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("create temp table audit_events as select action, target, occurred_at, details from public.audit_events with no data");
                s.execute("create temp table intents as select name, former_names from public.intents with no data");
                s.execute("create temp table model_versions as select lineage from public.model_versions with no data");
                s.execute("create temp table removed_intents (like public.removed_intents including all)");
                // refund_late was refund_slow, and late_refund before that; it was removed a month ago.
                renamed(s, "late_refund", "refund_slow", 50);
                renamed(s, "refund_slow", "refund_late", 40);
                gone(s, "intent.remove", "refund_late", 30);
                gone(s, "intent.merge", "gift_wrap", 20);
                // promo went; an intent made later under that name was renamed from discount, and both still are intents.
                gone(s, "intent.remove", "promo", 60);
                renamed(s, "discount", "promo", 10);
                s.execute("insert into intents values ('promo', '{discount}'), ('shipping', '{delivery}')");
                // Renamed back and forth, then removed: the chain comes back to where it began and ends.
                renamed(s, "ping", "pong", 9);
                renamed(s, "pong", "ping", 8);
                gone(s, "intent.remove", "ping", 7);
                // Renamed and still an intent.
                renamed(s, "delivery", "shipping", 5);
                // warranty was learned by a version, and the trail no longer tells of it; nor of refund_late's rename.
                s.execute("""
                        insert into model_versions values
                            ('{"intents": ["shipping", "delivery", "oos", "warranty", "refund_late", "promo"]}'),
                            ('{"baseVersion": 3}'), ('{"intents": "not a list"}')""");

                for (String statement : backfill()) {
                    s.execute(statement);
                }

                List<String> noted = new ArrayList<>();
                try (ResultSet rows = s.executeQuery("select name || ' ' || (now() - removed_at) from removed_intents order by name")) {
                    while (rows.next()) {
                        noted.add(rows.getString(1));
                    }
                }
                assertEquals(List.of("gift_wrap 20 days", "late_refund 30 days", "ping 7 days", "pong 7 days", "promo 60 days",
                        "refund_late 30 days", "refund_slow 30 days", "warranty 00:00:00"), noted);
            } finally {
                connection.rollback();
            }
        }
    }

    /** The entry of an edit {@code daysAgo} that renamed intent {@code from} to {@code to}: entered under the new name. */
    private static void renamed(Statement s, String from, String to, int daysAgo) throws Exception {
        entry(s, "intent.edit", to, daysAgo, "{\"renamedFrom\": \"" + from + "\"}");
    }

    /** The entry of intent {@code name}'s removal or merge ({@code action}) {@code daysAgo}. */
    private static void gone(Statement s, String action, String name, int daysAgo) throws Exception {
        entry(s, action, name, daysAgo, "{}");
    }

    private static void entry(Statement s, String action, String name, int daysAgo, String details) throws Exception {
        s.execute("insert into audit_events values ('" + action + "', 'intent " + name + "', now() - interval '" + daysAgo
                + " days', '" + details + "')");
    }

    /** V62's statements that fill the table, as Flyway runs them. */
    private static List<String> backfill() throws Exception {
        String script = Files.readAllLines(Path.of("migrations/V62__removed_intents.sql")).stream()
                .filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        List<String> inserts = Arrays.stream(script.split(";")).filter(part -> part.contains("insert into removed_intents")).toList();
        assertEquals(2, inserts.size(), "V62 fills the table from the trail and from versions' lineage");
        return inserts;
    }
}
