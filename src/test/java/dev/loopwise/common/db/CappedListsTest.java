package dev.loopwise.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.common.PagingMessages;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lists that grow with the weeks — alignment rounds, drift alerts and the actions taken on them, changes of the active version —
 * show their newest rows only and say how many there are in all, read from the kept counts rather than by counting the table.
 */
@QuarkusTest
class CappedListsTest {
    @Inject
    EntityManager em;

    @Test
    void eachCappedListSaysHowManyItHoldsInAll() {
        String tag = "capped-" + UUID.randomUUID();
        int version = 900_000 + new Random().nextInt(90_000); // no real version: these alerts are its only ones
        Caller admin = Caller.session("admin");
        try {
            sql("insert into alignment_rounds (method, settings, status, started_by, finished_at)"
                    + " select 'dpo', '{}'::jsonb, 'failed', '" + tag + "', now() from generate_series(1, 31)");
            sql("insert into drift_reports (model_version, requests, signals) values (" + version + ", 1, '{}')");
            sql("insert into drift_alerts (report_id, model_version, signal, value, threshold, message) select r.id, " + version
                    + ", 'input/confidence', 1, 1, '" + tag + "' from drift_reports r, generate_series(1, 31) where r.model_version = " + version);
            sql("insert into monitoring_actions (action, reason, status) select 'review_items', '" + tag + "', 'done' from generate_series(1, 31)");
            sql("insert into model_activations (version, reason, actor) select " + version + ", 'manual', '" + tag + "' from generate_series(1, 11)");

            String rounds = page(admin, "/admin/rounds");
            assertEquals("The newest 30 of " + count("alignment_rounds") + " rounds are shown; GET /api/v1/rounds lists every one, a page at a time.",
                    line(rounds, "rounds-shown"));
            String drift = page(admin, "/admin/drift");
            assertEquals("The newest 30 of " + count("drift_alerts") + " alerts are shown.", line(drift, "alerts-shown"));
            assertEquals("The newest 30 of " + count("monitoring_actions") + " actions are shown.", line(drift, "actions-shown"));
            assertEquals("The newest 10 of " + count("model_activations") + " changes are shown.", line(page(admin, "/admin/models"), "activations-shown"));

            assertEquals(null, PagingMessages.newestShown(30, 30, "rounds", null), "a list holding every row says nothing more");
            // The kept figures follow deletes too.
            sql("delete from alignment_rounds where started_by = '" + tag + "' and id in (select max(id) from alignment_rounds where started_by = '"
                    + tag + "')");
            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(count("alignment_rounds"), RowCounts.total(RowCounts.ALIGNMENT_ROUNDS));
                assertEquals(count("monitoring_actions"), RowCounts.total(RowCounts.MONITORING_ACTIONS));
                assertEquals(count("model_activations"), RowCounts.total(RowCounts.MODEL_ACTIVATIONS));
            });
        } finally {
            sql("delete from model_activations where actor = '" + tag + "'");
            sql("delete from monitoring_actions where reason = '" + tag + "'");
            sql("delete from drift_alerts where model_version = " + version);
            sql("delete from drift_reports where model_version = " + version);
            sql("delete from alignment_rounds where started_by = '" + tag + "'");
        }
    }

    private static String page(Caller caller, String path) {
        return caller.pageRequest().accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    /** The text of the paragraph with this id. */
    private static String line(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\">");
        assertFalse(start < 0, "no " + id + " on the page");
        start = html.indexOf('>', start) + 1;
        return html.substring(start, html.indexOf("</p>", start)).trim();
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + table)
                .getSingleResult()).longValue());
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
