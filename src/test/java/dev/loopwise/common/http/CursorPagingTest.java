package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Listings are read newest first a page at a time with {@code before=<last id>}, as the Link header says: pages neither
 * overlap nor skip rows when new ones arrive between two requests, and the last page names no next one. Every listing
 * refuses a bad page request with the same code and sentence shape.
 */
@QuarkusTest
class CursorPagingTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void ticketPagesFollowTheCursorWithoutOverlapOrGapWhileNewTicketsArrive() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        String tag = "cursor-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            importTickets(admin, tag, 0, 7);
            List<Long> mine = ids("select id from tickets where text like ?1 order by id desc", tag + "%");
            assertEquals(7, mine.size());
            // From just above them, three a page: 3 + 3 + 1 of them, then older tickets of other tests (or none).
            String next = "/api/v1/tickets?size=3&before=" + (mine.get(0) + 1);
            List<Long> seen = new ArrayList<>();
            int pages = 0;
            while (next != null && seen.stream().noneMatch(id -> id < mine.get(mine.size() - 1))) {
                Response page = admin.request().get(next).then().statusCode(200).extract().response();
                List<Long> ids = page.jsonPath().getList("id", Long.class);
                assertTrue(ids.size() <= 3, next + ": " + ids);
                seen.addAll(ids);
                next = nextLink(page);
                if (next != null) {
                    assertTrue(next.startsWith("/api/v1/tickets?") && next.contains("size=3") && next.endsWith("before=" + ids.get(2)), next);
                }
                // Tickets arriving meanwhile are newer than any cursor: they must not shift the pages still to come.
                importTickets(admin, tag, 10 * ++pages, 2);
            }
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) < seen.get(i - 1), "newest first, no ticket twice: " + seen);
            }
            List<Long> walked = seen.stream().filter(id -> id >= mine.get(mine.size() - 1)).toList();
            assertEquals(mine, walked, "every one of them once, none skipped");

            // The last page names no next one, also when it is exactly full.
            List<Long> oldest = ids("select id from tickets order by id limit 3");
            Response last = admin.request().get("/api/v1/tickets?size=3&before=" + (oldest.get(oldest.size() - 1) + 1))
                    .then().statusCode(200).extract().response();
            List<Long> newestFirst = new ArrayList<>(oldest);
            Collections.reverse(newestFirst);
            assertEquals(newestFirst, last.jsonPath().getList("id", Long.class));
            assertNull(nextLink(last), "no next page after the oldest ticket");
            admin.request().get("/api/v1/tickets?before=" + oldest.get(0)).then().statusCode(200).body("size()", equalTo(0))
                    .header("Link", org.hamcrest.Matchers.nullValue());

            // The page number still works for clients that used it, and its next page is given as a cursor.
            Response first = admin.request().get("/api/v1/tickets?page=0&size=2").then().statusCode(200).extract().response();
            List<Long> firstIds = first.jsonPath().getList("id", Long.class);
            assertEquals("/api/v1/tickets?size=2&before=" + firstIds.get(1), nextLink(first));
            assertEquals(admin.request().get("/api/v1/tickets?page=1&size=2").then().extract().jsonPath().getList("id", Long.class),
                    admin.request().get(nextLink(first)).then().extract().jsonPath().getList("id", Long.class));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from tickets where text like ?1")
                    .setParameter(1, tag + "%").executeUpdate());
        }
    }

    @Test
    void roundsAndModelsPageByTheirCursorToo() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into alignment_rounds (method, settings, status, started_by, finished_at)
                select 'dpo', '{}'::jsonb, 'failed', 'cursor-test', now() from generate_series(1, 3)""").executeUpdate());
        try {
            List<Long> newest = ids("select id from alignment_rounds order by id desc limit 3");
            Response first = admin.request().get("/api/v1/rounds?limit=2").then().statusCode(200).extract().response();
            assertEquals(newest.subList(0, 2), first.jsonPath().getList("roundId", Long.class));
            assertEquals("/api/v1/rounds?limit=2&before=" + newest.get(1), nextLink(first));
            assertEquals(newest.get(2), admin.request().get(nextLink(first)).then().statusCode(200).extract().jsonPath()
                    .getList("roundId", Long.class).get(0));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from alignment_rounds where started_by = 'cursor-test'")
                    .executeUpdate());
        }
        ActiveModel.await();
        List<Long> versions = ids("select version from model_versions order by version desc limit 1");
        Response one = admin.request().get("/api/v1/models?before=" + (versions.get(0) + 1) + "&limit=1").then().statusCode(200).extract().response();
        assertEquals(versions.get(0).intValue(), one.jsonPath().getInt("[0].version"));
    }

    @Test
    void everyListingRefusesABadPageRequestWithTheSameCodeAndSentence() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        // Each listing, the name of its page size and of its offset, and its largest page.
        String[][] listings = {{"/api/v1/tickets", "size", "page", "500"}, {"/api/v1/models", "limit", "offset", "200"},
                {"/api/v1/rounds", "limit", "offset", "200"}, {"/api/v1/knowledge/articles", "limit", "offset", "1000"},
                {"/api/v1/keys", "limit", "offset", "200"}};
        for (String[] listing : listings) {
            String path = listing[0];
            String limit = listing[1];
            String offset = listing[2];
            int max = Integer.parseInt(listing[3]);
            for (String bad : new String[] {"abc", "-1", "0", String.valueOf(max + 1), "2.5", "99999999999999999999"}) {
                refused(admin, path + "?" + limit + "=" + bad, limit + " must be a whole number from 1 to " + max);
            }
            for (String bad : new String[] {"abc", "-1", "1e3"}) {
                refused(admin, path + "?" + offset + "=" + bad, offset + " must be a whole number, 0 or more; got '" + bad + "'.");
            }
            for (String bad : new String[] {"abc", "0", "-5", "x1"}) {
                refused(admin, path + "?before=" + bad, "before must be the id a previous page ended with");
            }
            refused(admin, path + "?" + offset + "=1&before=5", "Give " + offset + " or before, not both");
            // Given twice, any parameter is refused before the listing reads it, on every listing alike.
            admin.request().get(path + "?" + limit + "=1&" + limit + "=2").then().statusCode(400).body("code", equalTo("repeated_parameter"));
            admin.request().get(path + "?before=1&before=2").then().statusCode(400).body("code", equalTo("repeated_parameter"));
            // A control character never reaches the database: the parameter is named, before any listing runs.
            admin.request().urlEncodingEnabled(false).get(path + "?before=5%00").then().statusCode(400)
                    .body("code", equalTo("invalid_parameter")).body("error", containsString("'before' holds a control character (U+0000"));
            admin.request().urlEncodingEnabled(false).get(path + "?" + limit + "=%0B1").then().statusCode(400)
                    .body("code", equalTo("invalid_parameter")).body("error", containsString("'" + limit + "'"));
        }
        // The search's limit is a page size too.
        refused(admin, "/api/v1/knowledge/search?q=parcel&limit=abc", "limit must be a whole number from 1 to 50");
        refused(admin, "/api/v1/knowledge/search?q=parcel&limit=51", "limit must be a whole number from 1 to 50");
        admin.request().contentType("application/json").body("{\"q\":\"parcel\",\"limit\":0}").post("/api/v1/knowledge/search")
                .then().statusCode(400).body("code", equalTo(Paging.CODE)).body("error", startsWith("limit must be a whole number from 1 to 50"));
        // A line break is text a search box may hold: it passes the address check and reaches the search.
        admin.request().urlEncodingEnabled(false).get("/api/v1/knowledge/search?q=my%0Aparcel&all=true").then().statusCode(200);
        // The pages refuse a bad cursor in the same words.
        Caller browser = Caller.session("admin");
        for (String page : List.of("/admin/tickets", "/admin/models", "/admin/knowledge", "/admin/audit")) {
            String refused = browser.pageRequest().accept("text/html").get(page + "?before=abc").then().statusCode(400).extract().asString();
            assertTrue(refused.contains("before must be the id a previous page ended with"), page + ": " + refused);
        }
        String refused = browser.pageRequest().accept("text/html").get("/admin/tickets?after=-3").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("after must be the id an older page began with"), refused);
    }

    private static void refused(Caller admin, String path, String sentence) {
        admin.request().get(path).then().statusCode(400).body("code", equalTo(Paging.CODE)).body("error", startsWith(sentence));
    }

    private static String nextLink(Response response) {
        String link = response.getHeader("Link");
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        return next.find() ? next.group(1) : null;
    }

    private static void importTickets(Caller admin, String tag, int from, int count) {
        StringBuilder csv = new StringBuilder("text\n");
        for (int i = from; i < from + count; i++) {
            csv.append(tag).append(" my parcel number ").append(i).append(" never came\n");
        }
        admin.request().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(201);
    }

    private List<Long> ids(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.Query query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((List<?>) query.getResultList()).stream().map(n -> ((Number) n).longValue()).toList();
        });
    }
}
