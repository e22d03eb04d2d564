package dev.loopwise.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's help-centre articles import cleanly, answer the demo store's tickets with the article a support lead would pick,
 * and come in only while none of them is there.
 */
@QuarkusTest
class DemoKnowledgeTest {
    @Inject
    DemoKnowledge knowledge;
    @Inject
    ApiKeyService keys;

    @Test
    void theArticlesImportOnceAndGroundTheStoresTickets() {
        Caller admin = Caller.apiKey(keys, "admin");
        try {
            assertTrue(knowledge.importIfAbsent(), "the test profile starts without them");
            assertEquals(14, demoArticles(admin).size(), demoArticles(admin).toString());
            assertFalse(knowledge.importIfAbsent(), "a second start leaves them as they are");
            assertEquals(14, demoArticles(admin).size());
            // Tickets worded unlike the articles still find the one that answers them, first.
            assertTopArticle(admin, "I got the wrong jumper in my parcel, what now?", "Damaged, faulty or wrong items");
            assertTopArticle(admin, "how long until my money is back after I sent the shoes back", "Refunds: when your money comes back");
            assertTopArticle(admin, "can I still stop my order from yesterday", "Cancelling an order");
            assertTopArticle(admin, "how many points do I need for a discount", "Fernhill Circle points");
        } finally {
            demoArticles(admin).forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        }
    }

    /** The ids of the demo's articles (other tests import articles of their own). */
    private static List<Integer> demoArticles(Caller admin) {
        return admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.url != null && it.url.startsWith('https://help.example.com/fernhill/') }.id");
    }

    private static void assertTopArticle(Caller admin, String ticket, String title) {
        List<String> found = admin.request().queryParam("q", ticket).queryParam("all", "true").get("/api/v1/knowledge/search").then()
                .statusCode(200).extract().jsonPath().getList("articleTitle");
        assertEquals(title, found.get(0), ticket + " → " + found);
    }
}
