package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Articles in, passages with vectors out, found for the ticket they answer. */
@QuarkusTest
class KnowledgeBaseTest {
    @Inject
    ApiKeyService keys;
    @Inject
    KnowledgeSearch search;
    @Inject
    EncoderService encoders;
    @Inject
    EntityManager em;

    @Test
    void importedArticlesAreFoundForTheTicketTheyAnswerAndReimportReplaces() {
        Caller admin = Caller.apiKey(keys, "admin");
        upload(admin, "returns.md", "text/markdown", KnowledgeArticles.RETURNS_MD).statusCode(201)
                .body("articles", equalTo(1)).body("passages", equalTo(2)).body("replaced", equalTo(0));
        upload(admin, "shipping.html", "text/html", KnowledgeArticles.SHIPPING_HTML).statusCode(201).body("passages", equalTo(2));
        upload(admin, "articles.jsonl", "application/x-ndjson", KnowledgeArticles.ACCOUNT_JSONL).statusCode(201)
                .body("articles", equalTo(2)).body("titles", equalTo(List.of("Reset your password", "Change your email address")));

        // Every passage carries a 384-d float32 vector of the test profile's encoder, unit length.
        List<Object[]> rows = rows("select p.text, length(p.vector), p.encoder_id, a.title, a.url from knowledge_passages p "
                + "join knowledge_articles a on a.id = p.article_id where a.title in ('Returns policy', 'Shipping times', "
                + "'Reset your password', 'Change your email address') order by a.id, p.position");
        assertEquals(6, rows.size());
        rows.forEach(r -> assertEquals(384 * 4, ((Number) r[1]).intValue(), "vector bytes of " + r[0]));
        assertTrue(rows.stream().allMatch(r -> ((String) r[2]).toLowerCase().contains("minilm")), "encoder id recorded");
        assertTrue(rows.stream().noneMatch(r -> ((String) r[0]).contains("tracking") || ((String) r[0]).contains("Home")),
                "scripts and navigation are not passages");
        assertTrue(rows.stream().anyMatch(r -> "https://help.example.com/shipping".equals(r[4])), "canonical address kept");
        assertTrue(rows.stream().anyMatch(r -> "https://help.example.com/email".equals(r[4])), "an export's 'URL' read as 'url'");
        assertTrue(rows.stream().anyMatch(r -> "Click Forgot password on the sign-in page. We email you a link that stays valid "
                .concat("for one hour; open it and choose a new password.").equals(r[0])), "Markdown body read as text");

        List<Passage> found = search.search(KnowledgeArticles.RETURNS_TICKET, 3);
        assertFalse(found.isEmpty());
        found.forEach(p -> System.out.printf("knowledge score %.3f %s: %s%n", p.score(), p.articleTitle(), p.text()));
        assertEquals("Returns policy", found.get(0).articleTitle(), "first passage: " + found);
        assertTrue(found.get(0).text().contains("within 30 days"), found.get(0).text());
        assertTrue(found.get(0).text().contains("prepaid return label"), "a wrapped line reads as one: " + found.get(0).text());
        assertTrue(found.get(0).score() > 0.4 && found.get(0).score() <= 1.0001, "cosine " + found.get(0).score());
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).score() >= found.get(i).score(), "best first");
        }
        assertEquals("Reset your password", search.search("I forgot my password and cannot log in", 1).get(0).articleTitle());
        assertEquals("Shipping times", search.search("when will my parcel arrive if I choose express?", 1).get(0).articleTitle());
        // A served ticket's vector is searched as it is when it is the knowledge base's encoder's, and only then.
        EncoderRef workspace = encoders.workspaceEncoder();
        float[] vector = encoders.encode(workspace, List.of(KnowledgeArticles.RETURNS_TICKET))[0];
        assertEquals(found, search.search(KnowledgeArticles.RETURNS_TICKET, workspace, vector, 3));
        float[] password = encoders.encode(workspace, List.of("I forgot my password and cannot log in"))[0];
        assertEquals("Reset your password", search.search(KnowledgeArticles.RETURNS_TICKET, workspace, password, 1).get(0).articleTitle(),
                "the vector is what was searched, not the text");
        EncoderRef other = new EncoderRef(workspace.id().replace("/mean", "/cls"), workspace.source());
        assertEquals(found, search.search(KnowledgeArticles.RETURNS_TICKET, other, password, 3), "another encoder's vector: the text again");
        admin.request().queryParam("q", KnowledgeArticles.RETURNS_TICKET).get("/api/v1/knowledge/search").then().statusCode(200)
                .body("[0].articleTitle", equalTo("Returns policy")).body("[0].match", containsString("it would be given to the assistant"));
        // A ticket too long for an address is searched with it in the body.
        admin.request().contentType("application/json").body("{\"q\":\"" + KnowledgeArticles.RETURNS_TICKET + " " + "please ".repeat(900)
                + "\",\"limit\":3,\"all\":true}").post("/api/v1/knowledge/search").then().statusCode(200).body("size()", equalTo(3));
        // A NUL in the address is refused before the search reads it, and a bell in a POST's body as in a ticket.
        admin.request().urlEncodingEnabled(false).get("/api/v1/knowledge/search?q=a%00b").then().statusCode(400)
                .body("code", equalTo("invalid_parameter")).body("error", containsString("U+0000 at character 2"));
        admin.request().contentType("application/json").body("{\"q\":\"return \\u0007shoes\"}").post("/api/v1/knowledge/search").then()
                .statusCode(400).body("code", equalTo("invalid_text")).body("error", containsString("U+0007 at character 8"));
        // A yes/no option that is neither is refused, not read as "no".
        admin.request().queryParam("q", "returns").queryParam("all", "yes").get("/api/v1/knowledge/search").then().statusCode(400)
                .body("error", containsString("'all'"));

        // The same title again: the old passages go, the new text is what is found (the matrix refreshed itself).
        upload(admin, "returns-policy.md", "text/markdown", KnowledgeArticles.RETURNS_MD_V2).statusCode(201)
                .body("replaced", equalTo(1)).body("passages", equalTo(1));
        assertEquals(1L, count("select count(*) from knowledge_articles where title = 'Returns policy'"));
        assertEquals(0L, count("select count(*) from knowledge_passages where text like '%within 30 days%'"));
        assertTrue(search.search(KnowledgeArticles.RETURNS_TICKET, 1).get(0).text().contains("within 60 days"));

        // The admin page lists the articles with their passage counts and explains the scores of a tried ticket.
        String page = Caller.session("admin").pageRequest().accept("text/html").queryParam("ticket", KnowledgeArticles.RETURNS_TICKET)
                .get("/admin/knowledge").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Returns policy") && page.contains("within 60 days") && page.contains("it would be given to the assistant"), page);
        // The page's form sends the ticket in the body: a pasted e-mail thread is longer than an address may be.
        Caller browser = Caller.session("admin");
        String tried = browser.pageRequest().accept("text/html").formParam("csrf-token", browser.csrfToken())
                .formParam("ticket", KnowledgeArticles.RETURNS_TICKET + " " + "Earlier in this thread: thanks. ".repeat(150))
                .post("/admin/knowledge/try").then().statusCode(200).extract().asString();
        assertTrue(tried.contains("within 60 days"), tried);
        // The same length the search API takes: 6,000 characters are tried, 20,001 refused.
        browser.pageRequest().accept("text/html").formParam("csrf-token", browser.csrfToken()).formParam("ticket", "return ".repeat(857))
                .post("/admin/knowledge/try").then().statusCode(200);
        browser.pageRequest().accept("text/html").formParam("csrf-token", browser.csrfToken()).formParam("ticket", "x".repeat(20_001))
                .post("/admin/knowledge/try").then().statusCode(400);
        // A bell pasted into the form is refused as the API's search refuses it, with its place in the ticket.
        String bell = browser.pageRequest().accept("text/html").formParam("csrf-token", browser.csrfToken())
                .formParam("ticket", "return \u0007shoes").post("/admin/knowledge/try").then().statusCode(400).extract().asString();
        assertTrue(bell.contains("U+0007 at character 8") && !bell.contains("within 60 days"), bell);

        // Deleting an article takes its passages out of the search.
        long returns = count("select id from knowledge_articles where title = 'Returns policy'");
        admin.request().delete("/api/v1/knowledge/articles/" + returns).then().statusCode(204);
        admin.request().delete("/api/v1/knowledge/articles/" + returns).then().statusCode(404).body("code", equalTo("not_found"));
        assertTrue(search.search(KnowledgeArticles.RETURNS_TICKET, 5).stream().noneMatch(p -> p.articleTitle().equals("Returns policy")));
        deleteAll(admin);
    }

    @Test
    void passagesOfAnotherEncoderAreEmbeddedAgainInTheBackgroundWhileSearchesKeepAnswering() throws InterruptedException {
        Caller admin = Caller.apiKey(keys, "admin");
        upload(admin, "shipping.html", "text/html", KnowledgeArticles.SHIPPING_HTML).statusCode(201);
        search.search("warm up", 1);
        // As if another instance had stored another encoder's vectors: other ids, vectors that match nothing.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update knowledge_passages set encoder_id = 'retired-encoder', vector = decode(repeat('00', 1536), 'hex')")
                    .executeUpdate();
            em.createNativeQuery("update knowledge_generation set generation = generation + 1").executeUpdate();
        });
        // The search that notices answers at once from the passages already loaded, and starts the work behind it.
        assertEquals("Shipping times", search.search("when will my parcel arrive if I choose express?", 1).get(0).articleTitle());
        for (int i = 0; i < 300 && count("select count(*) from knowledge_passages where encoder_id = 'retired-encoder'") > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0L, count("select count(*) from knowledge_passages where encoder_id = 'retired-encoder'"));
        search.search("warm up", 1); // notices the generation the re-embedding wrote
        for (int i = 0; i < 300 && search.search("when will my parcel arrive if I choose express?", 1).get(0).score() < 0.4; i++) {
            Thread.sleep(100);
        }
        List<Passage> found = search.search("when will my parcel arrive if I choose express?", 1);
        assertEquals("Shipping times", found.get(0).articleTitle());
        assertTrue(found.get(0).score() > 0.4, "a real vector again: " + found.get(0).score());
        deleteAll(admin);
    }

    private void deleteAll(Caller admin) {
        List<Integer> ids;
        do { // a page at a time, as the list is served
            ids = admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200).extract().path("id");
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        } while (!ids.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList());
    }

    private long count(String sql) {
        return KnowledgeArticles.count(em, sql);
    }
}
