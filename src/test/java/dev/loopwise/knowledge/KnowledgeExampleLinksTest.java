package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An article whose address is on a name kept for examples (the demo's are) is shown as an example address, not as a
 * link that opens an error page; a real address stays a link, in the article list and next to a found passage.
 */
@QuarkusTest
class KnowledgeExampleLinksTest {
    private static final String ARTICLES = """
            {"id": "links-example", "title": "Parcel lockers", "url": "https://help.example.com/fernhill/lockers", "body": "Parcel lockers keep your parcel for 7 days after it arrives."}
            {"id": "links-live", "title": "Locker opening codes", "url": "https://docs.lockerhub.io/codes", "body": "The parcel locker opening code arrives by text message when the parcel is in the locker."}
            """;

    @Inject
    ApiKeyService keys;

    @Test
    void exampleAddressesAreNotLinks() {
        Caller admin = Caller.apiKey(keys, "admin");
        upload(admin, "lockers.jsonl", "application/x-ndjson", ARTICLES).statusCode(201);
        List<Integer> ids = admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.sourceName == 'lockers.jsonl' }.id");
        try {
            String page = Caller.session("admin").pageRequest().accept("text/html").queryParam("ticket", "how long does the parcel locker keep my parcel")
                    .get("/admin/knowledge").then().statusCode(200).extract().asString();
            assertFalse(page.contains("href=\"https://help.example.com/"), page);
            assertTrue(page.contains("https://help.example.com/fernhill/lockers (an example address: no page behind it)"), page);
            assertTrue(page.contains("<a href=\"https://docs.lockerhub.io/codes\" rel=\"noopener noreferrer\" dir=\"auto\">Locker opening codes</a>"), page);
            assertTrue(page.contains("<a href=\"https://docs.lockerhub.io/codes\" rel=\"noopener noreferrer\">source</a>"), "a found passage links to it");
        } finally {
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        }
    }

    @Test
    void namesKeptForExamplesAreKnownByTheirEnding() {
        for (String url : new String[] {"https://example.com/a", "http://help.example.org/a", "https://help.fernhill.example/returns",
                "https://shop.test/x", "https://EXAMPLE.NET"}) {
            assertTrue(KnowledgeFormats.isExampleAddress(url), url);
        }
        for (String url : new String[] {"https://myexample.com/a", "https://example.com.evil.io/a", "https://testing.io/t"}) {
            assertFalse(KnowledgeFormats.isExampleAddress(url), url);
        }
    }
}
