package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An article replaces only the one under its own id, address or title, so the same article imported once with its address
 * and once without stands twice, and both are found for tickets: the import says so, on the API and on the page.
 */
@QuarkusTest
class KnowledgeSharedTitleTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void anImportThatLeavesATitleTwiceSaysSo() {
        Caller admin = Caller.apiKey(keys, "admin");
        String title = "Gift wrap " + UUID.randomUUID();
        String withAddress = "---\ntitle: " + title + "\nurl: https://help.example.com/" + UUID.randomUUID() + "\n---\nWrapping costs 3 EUR.\n";
        upload(admin, "wrap.md", "text/markdown", withAddress).statusCode(201).body("sharedTitles", equalTo(List.of()));

        // The help centre's export of the same article, without its address: kept beside it, and named.
        upload(admin, "export.jsonl", "application/x-ndjson", "{\"title\": \"" + title.toUpperCase() + "\", \"body\": \"Wrapping costs 3"
                + " EUR.\"}\n").statusCode(201).body("replaced", equalTo(0)).body("sharedTitles", equalTo(List.of(title.toUpperCase())));
        assertEquals(2L, KnowledgeArticles.count(em, "select count(*) from knowledge_articles where lower(title) = lower('" + title + "')"));

        // Imported again under its address it replaces itself, and the copy is still pointed out, on the page too.
        Caller browser = Caller.session("admin");
        String page = browser.pageRequest().accept("text/html").multiPart("file", "wrap.md", withAddress.getBytes(), "text/markdown")
                .multiPart("csrf-token", browser.csrfToken()).post("/admin/knowledge").then().statusCode(200).extract().asString();
        String result = page.substring(page.indexOf("id=\"knowledge-result\""));
        assertTrue(result.contains("it replaced an earlier import of the same article). &#39;" + title + "&#39; is now the title of"
                + " more than one article, under different ids or addresses, and all are kept and found"), result);
        assertTrue(result.contains("delete the copy you do not want under Articles"), result);

        // Once the copy is gone, nothing more is said.
        admin.request().delete("/api/v1/knowledge/articles/" + KnowledgeArticles.count(em, "select id from knowledge_articles where title = '"
                + title.toUpperCase() + "'")).then().statusCode(204);
        upload(admin, "wrap.md", "text/markdown", withAddress).statusCode(201).body("replaced", equalTo(1))
                .body("sharedTitles", equalTo(List.of()));
        // Left behind, the article would ground other tests' tickets: their drafts expect no knowledge base.
        admin.request().delete("/api/v1/knowledge/articles/" + KnowledgeArticles.count(em, "select id from knowledge_articles where title = '"
                + title + "'")).then().statusCode(204);
    }
}
