package dev.loopwise.knowledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.runtime.InstanceName;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A file too large to embed while its request waits is imported in the background: the request answers at once with
 * the import to follow, progress is reported, and the articles appear together when it is done; a cancelled import
 * keeps nothing, from the API and from the page.
 */
@QuarkusTest
class KnowledgeImportJobTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aLargeFileIsImportedInTheBackgroundAndACancelledOneKeepsNothing() {
        Caller admin = Caller.apiKey(keys, "admin");
        JsonPath started = admin.request().contentType("application/x-ndjson").queryParam("name", "alpha.jsonl")
                .body(articles("Alpha", 150)).post("/api/v1/knowledge/articles").then().statusCode(202)
                .header("Location", containsString("/api/v1/knowledge/imports/"))
                .body("status", equalTo("queued")).body("passages", equalTo(150)).body("passagesDone", equalTo(0))
                .extract().jsonPath();
        JsonPath done = awaitEnd(admin, started.getLong("id"));
        assertEquals("succeeded", done.getString("status"), done.prettify());
        assertEquals(150, done.getInt("articles"));
        assertEquals(150, done.getInt("passagesDone"));
        assertEquals(InstanceName.current(), done.getString("ranOn"), "the instance that ran it, whose log tells more");
        assertTrue(done.getString("summary").startsWith("Imported 150 articles as 150 passages"), done.getString("summary"));
        assertEquals(150, count("select count(*) from knowledge_articles where title like 'Alpha %'"));
        assertEquals(0, count("select count(*) from knowledge_imports where content is not null and status <> 'queued' and status <> 'running'"),
                "an ended import keeps no file");

        // From the page: the upload redirects to the page, which shows the import; its cancel button stops it.
        Caller browser = Caller.session("admin");
        browser.pageRequest().redirects().follow(false).multiPart("file", "beta.jsonl", articles("Beta", 2000), "application/x-ndjson")
                .multiPart("csrf-token", browser.csrfToken()).post("/admin/knowledge").then().statusCode(303)
                .header("Location", containsString("/admin/knowledge"));
        long beta = count("select max(id) from knowledge_imports where file_name = 'beta.jsonl'");
        String page = browser.pageRequest().get("/admin/knowledge").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>beta.jsonl</strong> <span class=\"muted\">(2,000 passages") && page.contains("Cancel this import"), page);
        browser.pageRequest().redirects().follow(false).formParam("csrf-token", browser.csrfToken())
                .post("/admin/knowledge/imports/" + beta + "/cancel").then().statusCode(303);
        JsonPath cancelled = awaitEnd(admin, beta);
        assertEquals("cancelled", cancelled.getString("status"), cancelled.prettify());
        assertEquals(0, count("select count(*) from knowledge_articles where title like 'Beta %'"), "nothing of a cancelled import");
        admin.request().contentType("application/json").post("/api/v1/knowledge/imports/" + beta + "/cancel").then().statusCode(409).body("code", equalTo("import_finished"));
        page = browser.pageRequest().get("/admin/knowledge").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>beta.jsonl</strong>") && page.contains("cancelled: nothing of this file was imported"), page);
        assertTrue(page.contains("<strong>alpha.jsonl</strong>") && page.contains("Imported 150 articles as 150 passages"),
                "every import that ended lately reports its own outcome: " + page);
        int alpha = page.indexOf("<strong>alpha.jsonl</strong>");
        assertTrue(page.substring(alpha, page.indexOf("</li>", alpha)).contains("Ran on instance " + InstanceName.current()), page);

        // The list is read a page at a time, on the page and over the API.
        String total = String.format(Locale.ROOT, "%,d", count("select count(*) from knowledge_articles"));
        assertTrue(page.contains(total + " articles, 50 a page, most recently imported first") && page.contains("Older →"), page);
        long fiftieth = count("select id from knowledge_articles order by id desc offset 49 limit 1");
        assertTrue(page.contains("href=\"/admin/knowledge?before=" + fiftieth + "#knowledge-articles\""), "older articles by cursor: " + page);
        String older = browser.pageRequest().get("/admin/knowledge?before=" + fiftieth).then().statusCode(200).extract().asString();
        assertTrue(older.contains("← Newest") && older.contains("these are older ones"), older);
        assertEquals(2, admin.request().queryParam("limit", 2).get("/api/v1/knowledge/articles").then().statusCode(200)
                .extract().jsonPath().getList("id").size());
        admin.request().queryParam("limit", 5000).get("/api/v1/knowledge/articles").then().statusCode(400).body("code", equalTo("invalid_paging"));

        // From the API, cancelled while it waits or runs.
        long gamma = admin.request().contentType("application/x-ndjson").queryParam("name", "gamma.jsonl")
                .body(articles("Gamma", 2000)).post("/api/v1/knowledge/articles").then().statusCode(202).extract().jsonPath().getLong("id");
        admin.request().contentType("application/json").post("/api/v1/knowledge/imports/" + gamma + "/cancel").then().statusCode(200).body("id", equalTo((int) gamma));
        assertEquals("cancelled", awaitEnd(admin, gamma).getString("status"));
        assertEquals(0, count("select count(*) from knowledge_articles where title like 'Gamma %'"));
    }

    /** Later tests (drafting without a knowledge base) expect it empty, as the other knowledge tests leave it. */
    @org.junit.jupiter.api.AfterEach
    void deleteTheArticles() {
        Caller admin = Caller.apiKey(keys, "admin");
        List<Integer> ids;
        do {
            ids = admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200).extract().path("id");
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        } while (!ids.isEmpty());
    }

    private static JsonPath awaitEnd(Caller admin, long id) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            JsonPath view = admin.request().get("/api/v1/knowledge/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (view.getBoolean("finished")) {
                return view;
            }
            assertTrue(view.getInt("passagesDone") <= view.getInt("passages"), view.prettify());
            assertTrue(System.nanoTime() < deadline, "the import did not end within 3 minutes: " + view.prettify());
            sleep();
        }
    }

    /** {@code n} one-passage articles, each on its own line. */
    private static byte[] articles(String prefix, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("{\"title\": \"").append(prefix).append(' ').append(i).append("\", \"body\": \"How to handle case ").append(i)
                    .append(" of the ").append(prefix).append(" family: check the order number, then answer within a day.\"}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
