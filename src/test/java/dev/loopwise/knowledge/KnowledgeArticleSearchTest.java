package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The article list searched by title or file name: upper and lower case alike, % and _ as typed, a page at a time. */
@QuarkusTest
class KnowledgeArticleSearchTest {
    private static final String ARTICLES = "/api/v1/knowledge/articles";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Inject
    ApiKeyService keys;

    @Test
    void theListHoldsOnlyTheArticlesWhoseTitleOrFileNameHoldsTheSearch() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = "srch" + UUID.randomUUID().toString().substring(0, 8);
        String rows = "{\"id\": \"" + tag + "-1\", \"title\": \"Coupons " + tag + " 50% off\", \"body\": \"Half price on Mondays.\"}\n"
                + "{\"id\": \"" + tag + "-2\", \"title\": \"Points " + tag + " 500 a year\", \"body\": \"Points expire after a year.\"}\n"
                + "{\"id\": \"" + tag + "-3\", \"title\": \"Refund_window " + tag + "\", \"body\": \"Refunds within 30 days.\"}\n";
        upload(admin, "offers.jsonl", "application/x-ndjson", rows).statusCode(201);
        // Only its file name holds the tag: its title does not.
        String delivery = "Delivery days " + UUID.randomUUID();
        upload(admin, tag + "-delivery.md", "text/markdown", "# " + delivery + "\n\nWe deliver on weekdays.\n").statusCode(201);
        List<Integer> ids = admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("id");
        try {
            assertEquals(4, ids.size(), "the three titles and the file name holding it");
            assertEquals(List.of(delivery, "Refund_window " + tag, "Points " + tag + " 500 a year", "Coupons " + tag + " 50% off"),
                    titles(admin, tag.toUpperCase()), "upper and lower case alike, most recently imported first");
            assertEquals(List.of("Coupons " + tag + " 50% off"), titles(admin, tag + " 50%"), "a % is looked for, not a wildcard");
            assertEquals(List.of("Refund_window " + tag), titles(admin, "_window " + tag), "an _ is looked for, not any character");
            assertEquals(List.of(), titles(admin, tag + " nothing like this"));

            // A page at a time: the next page's link keeps the search.
            Response first = admin.request().queryParam("q", tag).queryParam("limit", 3).get(ARTICLES);
            assertEquals(3, first.jsonPath().getList("id").size());
            Matcher next = NEXT.matcher(first.header("Link"));
            assertTrue(next.find(), first.header("Link"));
            assertTrue(next.group(1).contains("q=" + tag), next.group(1));
            List<String> rest = admin.request().get(next.group(1).replaceFirst("^https?://[^/]+", "")).then().statusCode(200).extract()
                    .jsonPath().getList("title");
            assertEquals(List.of("Coupons " + tag + " 50% off"), rest);
            Response second = admin.request().queryParam("q", tag).queryParam("limit", 3).queryParam("offset", 3).get(ARTICLES);
            assertEquals(List.of("Coupons " + tag + " 50% off"), second.jsonPath().getList("title"), "offset counts in the searched list");
            assertNull(second.header("Link"), "the last page has no next one");

            admin.request().queryParam("q", "x".repeat(201)).get(ARTICLES).then().statusCode(400).body("code", equalTo("validation_failed"))
                    .body("error", equalTo("q is longer than 200 characters: search for a word or two of the article's title or file name."));
            admin.request().queryParam("q", "").queryParam("limit", 1).get(ARTICLES).then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].title", equalTo(delivery));
        } finally {
            ids.forEach(id -> admin.request().delete(ARTICLES + "/" + id).then().statusCode(204));
        }
        admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void thePageSaysWhenNoArticleHoldsTheSearch() {
        String missing = "no-such-article " + UUID.randomUUID();
        String page = Caller.session("admin").pageRequest().accept("text/html").queryParam("q", missing).get("/admin/knowledge").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("title or file name holds \u201c" + missing + "\u201d. Try a shorter part of a word"), page);
        assertTrue(page.contains("Clear the search"), page);
        Caller.session("admin").pageRequest().accept("text/html").queryParam("q", "x".repeat(201)).get("/admin/knowledge").then()
                .statusCode(400).body(containsString("The search is longer than 200 characters"));
    }

    private static List<String> titles(Caller admin, String q) {
        return admin.request().queryParam("q", q).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("title");
    }
}
