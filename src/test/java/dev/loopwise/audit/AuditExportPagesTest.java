package dev.loopwise.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
            // Pages of 500 by default: their ends fall inside groups of three, and the API's pages are followed by their links.
            List<String> targets = new ArrayList<>();
            List<String> links = new ArrayList<>();
            for (JsonNode entry : allPages(Caller.apiKey(keys, "admin"), "/api/v1/audit?since=2002-01-01T00:00:00Z&until=2003-01-01T00:00:00Z",
                    links)) {
                if (entry.get("actor").asText().equals(actor)) {
                    targets.add(entry.get("target").asText());
                }
            }
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < rows; n++) {
                expected.add("entry " + n);
            }
            assertEquals(expected, targets, "every entry once, oldest first");
            assertTrue(links.size() >= 2, "without a limit, pages of a bounded size: " + links);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from audit_events where actor = ?1")
                    .setParameter(1, actor).executeUpdate());
        }
    }

    @Test
    void theApiAnswersAPageAtATimeAndLinksToTheNext() throws Exception {
        String actor = "pages-" + new Random().nextInt(1_000_000);
        int rows = 7;
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into audit_events (occurred_at, actor, action,"
                    + " target) select cast(?1 as timestamptz) + n * interval '1 second', ?2, 'test.entry', 'entry ' || n"
                    + " from generate_series(0, " + (rows - 1) + ") n").setParameter(1, START.plusYears(3)).setParameter(2, actor)
                    .executeUpdate());
            Caller admin = Caller.apiKey(keys, "admin");
            String window = "/api/v1/audit?since=2004-01-01T00:00:00Z&until=2004-01-02T00:00:00Z";
            List<String> links = new ArrayList<>();
            List<String> targets = allPages(admin, window + "&limit=3", links).stream().map(e -> e.get("target").asText()).toList();
            assertEquals(List.of("entry 0", "entry 1", "entry 2", "entry 3", "entry 4", "entry 5", "entry 6"), targets,
                    "pages of three, oldest first, neither overlapping nor skipping");
            assertEquals(2, links.size(), "three pages, the last with no link: " + links);
            assertTrue(links.get(0).contains("since=2004-01-01T00") && links.get(0).contains("limit=3")
                    && links.get(0).contains("after="), "the link keeps the window and the page size: " + links.get(0));

            // Past the maximum page, or a cursor no page ends with, the listings' refusal.
            admin.request().get(window + "&limit=5001").then().statusCode(400).body("code", equalTo("invalid_paging"))
                    .body("error", containsString("limit must be a whole number from 1 to 5000"));
            admin.request().get(window + "&after=0").then().statusCode(400).body("code", equalTo("invalid_paging"))
                    .body("error", containsString("after must be"));
            admin.request().get(window + "&after=" + Long.MAX_VALUE).then().statusCode(200).body(equalTo(""));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from audit_events where actor = ?1")
                    .setParameter(1, actor).executeUpdate());
        }
    }

    /** Every entry from {@code first} on, following each page's link to the next; the links followed are added to {@code links}. */
    private static List<JsonNode> allPages(Caller caller, String first, List<String> links) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        String next = first;
        while (next != null) {
            // The link is sent as given: it is already encoded, and encoding it again would change its instants.
            Response page = caller.request().urlEncodingEnabled(false).accept("application/x-ndjson").get(next);
            assertEquals(200, page.statusCode(), next + ": " + page.asString());
            page.then().contentType(containsString("application/x-ndjson"));
            entries.addAll(lines(page));
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (link != null) {
                assertTrue(link.endsWith(">; rel=\"next\""), link);
                links.add(next);
            }
        }
        return entries;
    }

    private static List<JsonNode> lines(Response page) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : page.asString().split("\n")) {
            if (!line.isBlank()) {
                entries.add(JSON.readTree(line));
            }
        }
        return entries;
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
