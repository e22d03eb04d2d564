package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.db.RowCounts;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The ticket figures the admin pages show come from counts kept by triggers, not from counting: they must match a real count
 * after every kind of write, by the app, by an import, by plain SQL, and by many writers at once.
 */
@QuarkusTest
class TicketCountsTest {
    @Inject
    WorkspaceService workspace;
    @Inject
    TicketImporter importer;

    @Test
    void theKeptCountsMatchARealCountAcrossInsertLabelRelabelUnlabelDeleteAndImport() throws Exception {
        String tag = "counted " + UUID.randomUUID().toString().substring(0, 8);
        String a = "count_a_" + tag.substring(8);
        String b = "count_b_" + tag.substring(8);
        Intent intentA = workspace.saveIntent(null, a, "counted tickets");
        Intent intentB = workspace.saveIntent(null, b, "counted tickets");
        try {
            assertCountsMatch(intentA, intentB, 0, 0);
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> made = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    Ticket t = Ticket.of(tag + " unlabelled " + i, null, null, null, Ticket.SOURCE_TRAFFIC);
                    t.persist();
                    made.add(t.id);
                }
                Ticket.of(tag + " a", Intent.findById(intentA.id), null, "train", Ticket.SOURCE_IMPORT).persist();
                return made;
            });
            assertCountsMatch(intentA, intentB, 1, 0);

            workspace.labelTicket(ids.get(0), a);
            workspace.labelTicket(ids.get(1), b);
            assertCountsMatch(intentA, intentB, 2, 1);
            workspace.labelTicket(ids.get(1), a); // relabelled
            assertCountsMatch(intentA, intentB, 3, 0);
            sql("update tickets set intent_id = null where id = " + ids.get(0)); // unlabelled in plain SQL
            assertCountsMatch(intentA, intentB, 2, 0);
            sql("update tickets set response = 'noted' where text like '" + tag + "%'"); // a change that is not a label
            assertCountsMatch(intentA, intentB, 2, 0);
            QuarkusTransaction.requiringNew().run(() -> Ticket.deleteById(ids.get(1)));
            assertCountsMatch(intentA, intentB, 1, 0);

            // An import adds labelled and unlabelled tickets and labels ones already waiting, all in one transaction.
            StringBuilder csv = new StringBuilder("text,label\n");
            for (int i = 0; i < 40; i++) {
                csv.append(tag).append(" imported ").append(i).append(',').append(i % 4 == 0 ? "" : i % 2 == 0 ? a : b).append('\n');
            }
            csv.append(tag).append(" unlabelled 2,").append(b).append('\n');
            TicketImporter.Result imported = importer.importTickets(TicketFile.read(new StringReader(csv.toString()), TicketFile.Format.CSV));
            assertEquals(1, imported.labelledExisting(), imported.toString());
            assertCountsMatch(intentA, intentB, 1 + 10, 20 + 1);

            // Bulk SQL: a statement moving many rows between keys at once, one rolled back, one deleting many.
            sql("update tickets set intent_id = case when intent_id = " + intentA.id + " then " + intentB.id + " else "
                    + intentA.id + " end where intent_id in (" + intentA.id + ", " + intentB.id + ")");
            assertCountsMatch(intentA, intentB, 21, 11);
            assertThrowsRolledBack(tag);
            assertCountsMatch(intentA, intentB, 21, 11);
            sql("select fold_row_counts()");
            assertCountsMatch(intentA, intentB, 21, 11);
            sql("delete from tickets where text like '" + tag + " imported %'");
            assertCountsMatch(intentA, intentB, 1, 1);
        } finally {
            sql("delete from tickets where text like '" + tag + "%'");
            QuarkusTransaction.requiringNew().run(() -> Intent.delete("id in ?1", List.of(intentA.id, intentB.id)));
        }
    }

    @Test
    void manyWritersAtOnceLeaveTheCountsExactAndNeverDeadlock() throws Exception {
        String tag = "concurrent " + UUID.randomUUID().toString().substring(0, 8);
        Intent intentA = workspace.saveIntent(null, "count_c_" + tag.substring(11), "counted tickets");
        Intent intentB = workspace.saveIntent(null, "count_d_" + tag.substring(11), "counted tickets");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                // Each writer touches both intents and the unlabelled, half of them in the opposite order: with a locked
                // counter row per key this is where two of them would wait on each other.
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < 15; round++) {
                        String text = tag + " " + writer + " " + round;
                        QuarkusTransaction.requiringNew().run(() -> {
                            Intent first = Intent.findById(writer % 2 == 0 ? intentA.id : intentB.id);
                            Intent second = Intent.findById(writer % 2 == 0 ? intentB.id : intentA.id);
                            Ticket.of(text + " x", first, null, "train", Ticket.SOURCE_IMPORT).persist();
                            Ticket.getEntityManager().flush();
                            Ticket.of(text + " y", null, null, null, Ticket.SOURCE_TRAFFIC).persist();
                            Ticket.getEntityManager().flush();
                            Ticket.of(text + " z", second, null, "train", Ticket.SOURCE_IMPORT).persist();
                        });
                        if (round % 3 == 0) {
                            sql("update tickets set intent_id = " + (writer % 2 == 0 ? intentB.id : intentA.id)
                                    + " where text = '" + text + " y'");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            assertCountsMatch(intentA, intentB, 15 * 6 + 15, 15 * 6 + 15);
        } finally {
            pool.shutdownNow();
            sql("delete from tickets where text like '" + tag + "%'");
            QuarkusTransaction.requiringNew().run(() -> Intent.delete("id in ?1", List.of(intentA.id, intentB.id)));
        }
    }

    @Test
    void driftChecksPerVersionAndArticlesAreCountedThroughBulkWrites() {
        String tag = "counted-" + UUID.randomUUID();
        int version = 900_000 + new Random().nextInt(90_000); // no real version: its checks are only these
        try {
            sql("insert into drift_reports (model_version, requests, signals) select " + version + ", n, '{}' from generate_series(1, 7) n");
            sql("insert into drift_alerts (report_id, model_version, signal, value, threshold, message) select id, " + version
                    + ", 'x', 1, 1, 'x' from drift_reports where model_version = " + version + " and requests <= 3");
            sql("insert into knowledge_articles (article_key, title, format, body_chars) select '" + tag + "-' || n, 't', 'markdown', 1"
                    + " from generate_series(1, 4) n");
            assertOthersMatch(version, 7, 3);
            sql("delete from drift_alerts where model_version = " + version + " and id in (select min(id) from drift_alerts"
                    + " where model_version = " + version + ")");
            sql("delete from knowledge_articles where article_key = '" + tag + "-1'");
            assertOthersMatch(version, 7, 2);
        } finally {
            sql("delete from drift_alerts where model_version = " + version);
            sql("delete from drift_reports where model_version = " + version);
            sql("delete from knowledge_articles where article_key like '" + tag + "%'");
        }
        assertOthersMatch(version, 0, 0);
    }

    private static void assertOthersMatch(int version, long checks, long alerts) {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(checks, RowCounts.of(RowCounts.DRIFT_REPORTS, version), "drift checks of the version");
            assertEquals(alerts, RowCounts.of(RowCounts.DRIFT_ALERTS, version), "drift alerts of the version");
            assertEquals(((Number) Ticket.getEntityManager().createNativeQuery("select count(*) from knowledge_articles")
                    .getSingleResult()).longValue(), RowCounts.total(RowCounts.KNOWLEDGE_ARTICLES), "articles");
        });
    }

    /** The kept counts match a real count, in all and for the two intents, which hold the tickets expected. */
    private static void assertCountsMatch(Intent a, Intent b, long inA, long inB) {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<Long, Long> byIntent = Ticket.countsByIntent();
            assertEquals(inA, byIntent.getOrDefault(a.id, 0L), "tickets of the first intent");
            assertEquals(inB, byIntent.getOrDefault(b.id, 0L), "tickets of the second intent");
            assertEquals(inA, Ticket.countWithIntent(a));
            assertEquals(Ticket.count("intent is null"), Ticket.countUnlabelled(), "tickets waiting for an intent");
            assertEquals(Ticket.count(), Ticket.countAll(), "all tickets");
            assertEquals(Ticket.count("intent is not null"), byIntent.values().stream().mapToLong(Long::longValue).sum());
            assertTrue(byIntent.values().stream().allMatch(n -> n > 0), byIntent.toString());
            assertEquals(ModelVersion.count(), RowCounts.total(RowCounts.MODEL_VERSIONS), "versions");
        });
    }

    private static void assertThrowsRolledBack(String tag) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Ticket.getEntityManager().createNativeQuery("delete from tickets where text like ?1").setParameter(1, tag + "%")
                        .executeUpdate();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            return;
        }
        throw new AssertionError("the transaction was not rolled back");
    }

    private static void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (statement.startsWith("select")) {
                Ticket.getEntityManager().createNativeQuery(statement).getResultList();
            } else {
                Ticket.getEntityManager().createNativeQuery(statement).executeUpdate();
            }
        });
    }
}
