package dev.loopwise.audit;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * The export reads a long trail a page at a time, each page costing its own rows only, wherever its window lies; and
 * entries recorded at the same instant on both sides of a page's end come out once each.
 */
@QuarkusTest
class AuditExportPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime START = OffsetDateTime.of(2001, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    EntityManager em;
    @Inject
    ApiKeyService keys;

    @Test
    void aPageInTheMiddleOfALongTrailReadsOnlyItsOwnRows() {
        int rows = 20_000;
        int page = 500;
        QuarkusTransaction.begin();
        try {
            // A trail of a minute per entry, counted by the planner; rolled back, so nobody else sees it.
            em.createNativeQuery("insert into audit_events (occurred_at, actor, action, target) select cast(?1 as timestamptz)"
                    + " + n * interval '1 minute', 'cost-test', 'test.entry', 'entry ' || n from generate_series(1, " + rows + ") n")
                    .setParameter(1, START).executeUpdate();
            em.createNativeQuery("analyze audit_events").executeUpdate();
            // A window of 5,000 entries after 10,000 older ones, continued after its 2,000th entry.
            OffsetDateTime since = START.plusMinutes(10_001);
            long afterId = ((Number) em.createNativeQuery("select id from audit_events where actor = 'cost-test' and occurred_at = ?1")
                    .setParameter(1, since.plusMinutes(1_999)).getSingleResult()).longValue();
            JsonNode plan = explain(since, since.plusMinutes(5_000), since.plusMinutes(1_999), afterId, page);
            List<String> scans = new ArrayList<>();
            long read = rowsRead(plan, scans);
            assertTrue(read <= page, "read " + read + " rows for a page of " + page + ": " + scans);
            assertFalse(plan.toString().contains("\"Sort\""), "the page is read in order, not sorted: " + plan);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void entriesOfOneInstantOnBothSidesOfAPageEndComeOutOnceEach() throws Exception {
        String actor = "ties-" + new Random().nextInt(1_000_000);
        // Three entries per instant, 1,203 in all: page ends (500, 1,000) fall inside a group of three.
        int rows = 1_203;
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into audit_events (occurred_at, actor, action,"
                    + " target) select cast(?1 as timestamptz) + (n / 3) * interval '1 second', ?2, 'test.entry', 'entry ' || n from generate_series(0, "
                    + (rows - 1) + ") n").setParameter(1, START.plusYears(1)).setParameter(2, actor).executeUpdate());
            String body = Caller.apiKey(keys, "admin").request().accept("application/x-ndjson")
                    .get("/api/v1/audit?since=2002-01-01T00:00:00Z&until=2003-01-01T00:00:00Z").then().statusCode(200)
                    .contentType(containsString("application/x-ndjson")).extract().asString();
            List<String> targets = new ArrayList<>();
            for (String line : body.split("\n")) {
                JsonNode entry = JSON.readTree(line);
                if (entry.get("actor").asText().equals(actor)) {
                    targets.add(entry.get("target").asText());
                }
            }
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < rows; n++) {
                expected.add("entry " + n);
            }
            assertEquals(expected, targets, "every entry once, oldest first");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from audit_events where actor = ?1")
                    .setParameter(1, actor).executeUpdate());
        }
    }

    /** The plan the export's own query gets, run. */
    private JsonNode explain(OffsetDateTime since, OffsetDateTime until, OffsetDateTime afterTime, long afterId, int size) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement explain = connection.prepareStatement("explain (analyze, format json) "
                    + AuditEvent.BETWEEN_SQL.replaceAll("\\?\\d", "?"))) {
                explain.setObject(1, since);
                explain.setObject(2, until);
                explain.setObject(3, afterTime);
                explain.setLong(4, afterId);
                explain.setInt(5, size);
                try (ResultSet result = explain.executeQuery()) {
                    result.next();
                    return JSON.readTree(result.getString(1)).get(0).get("Plan");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    /** The rows every scan of the plan read: those it returned and those it read and dropped. */
    private static long rowsRead(JsonNode node, List<String> scans) {
        long read = 0;
        if (node.get("Node Type").asText().contains("Scan")) {
            long rows = node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong();
            scans.add(node.get("Node Type").asText() + " " + node.path("Index Name").asText() + ": " + rows);
            read += rows;
        }
        for (JsonNode child : node.path("Plans")) {
            read += rowsRead(child, scans);
        }
        return read;
    }
}
