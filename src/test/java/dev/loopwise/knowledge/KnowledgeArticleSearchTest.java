package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
        // The search's address leads to the list's section, which says so even when no article is listed.
        assertTrue(page.matches("(?s).*<section class=\"card\" id=\"knowledge-articles\">.*id=\"knowledge-no-match\".*"), page);
        Caller.session("admin").pageRequest().accept("text/html").queryParam("q", "x".repeat(201)).get("/admin/knowledge").then()
                .statusCode(400).body(containsString("The search is longer than 200 characters"));
    }

    @Test
    void deletingAnArticleOrTryingATicketKeepsTheSearchAndThePage() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = "keep" + UUID.randomUUID().toString().substring(0, 8);
        upload(admin, "kept.jsonl", "application/x-ndjson", "{\"title\": \"Vouchers " + tag + "\", \"body\": \"Vouchers last a year.\"}\n"
                + "{\"title\": \"Gift wrap " + tag + "\", \"body\": \"Wrapping is free.\"}\n"
                + "{\"title\": \"Layaway " + tag + "\", \"body\": \"Pay in three parts.\"}\n").statusCode(201);
        List<Integer> ids = admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("id");
        Caller browser = Caller.session("admin");
        try {
            assertEquals(3, ids.size());
            String listed = browser.pageRequest().accept("text/html").queryParam("q", tag + " x").queryParam("before", ids.get(0))
                    .get("/admin/knowledge").then().statusCode(200).extract().asString();
            assertTrue(listed.contains("<input type=\"hidden\" name=\"q\" value=\"" + tag + " x\">"), "the forms carry the search: " + listed);

            // The article deleted from a searched page, on its second page: back to the same one.
            browser.pageRequest().redirects().follow(false).formParam("csrf-token", browser.csrfToken()).formParam("q", tag + " &x")
                    .formParam("before", ids.get(0)).post("/admin/knowledge/articles/" + ids.get(1) + "/delete").then().statusCode(303)
                    .header("Location", endsWith("/admin/knowledge?before=" + ids.get(0) + "&q=" + tag + "%20%26x#knowledge-articles"));
            browser.pageRequest().redirects().follow(false).formParam("csrf-token", browser.csrfToken()).formParam("q", "")
                    .post("/admin/knowledge/articles/" + ids.get(2) + "/delete").then().statusCode(303)
                    .header("Location", endsWith("/admin/knowledge#knowledge-articles"));
            // A page cursor that is no id is refused before anything is deleted.
            browser.pageRequest().formParam("csrf-token", browser.csrfToken()).formParam("before", "soon")
                    .post("/admin/knowledge/articles/" + ids.get(0) + "/delete").then().statusCode(400);
            assertEquals(List.of("Layaway " + tag), titles(admin, tag), "the newest, whose row is last in the file, is left");

            String tried = browser.pageRequest().accept("text/html").formParam("csrf-token", browser.csrfToken())
                    .formParam("ticket", "do vouchers expire").formParam("q", tag).post("/admin/knowledge/try").then().statusCode(200)
                    .extract().asString();
            assertTrue(tried.contains("id=\"knowledge-searched\"") && tried.contains("value=\"" + tag + "\""), tried);
            assertTrue(tried.contains("Layaway " + tag) && !tried.contains("id=\"knowledge-no-match\""), "the searched list: " + tried);
        } finally {
            ids.forEach(id -> admin.request().delete(ARTICLES + "/" + id));
        }
    }

    @Test
    void aSearchCountsItsArticlesOnlyUpToAThousand() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = "cnt" + UUID.randomUUID().toString().substring(0, 8);
        upload(admin, "counted.jsonl", "application/x-ndjson", "{\"title\": \"One " + tag + "\", \"body\": \"First.\"}\n"
                + "{\"title\": \"Two " + tag + "\", \"body\": \"Second.\"}\n{\"title\": \"Three " + tag + "\", \"body\": \"Third.\"}\n")
                .statusCode(201);
        List<Integer> ids = admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("id");
        try {
            assertEquals(3, (long) QuarkusTransaction.requiringNew().call(() -> KnowledgeArticle.countHolding(tag, 10)));
            assertEquals(2, (long) QuarkusTransaction.requiringNew().call(() -> KnowledgeArticle.countHolding(tag, 2)), "stops at the bound");
        } finally {
            ids.forEach(id -> admin.request().delete(ARTICLES + "/" + id).then().statusCode(204));
        }
        assertEquals("More than 1,000 articles, 50 a page, most recently imported first",
                new ArticlePage(List.of(), null, 7L, ArticlePage.SEARCH_COUNTED + 1, "refund").range());
        assertEquals("1,000 articles, 50 a page, most recently imported first",
                new ArticlePage(List.of(), null, 7L, ArticlePage.SEARCH_COUNTED, "refund").range());
        assertEquals("3,712 articles, 50 a page, most recently imported first", new ArticlePage(List.of(), null, 7L, 3712, null).range(),
                "the whole list is counted exactly");
        assertEquals("More than 1,000 articles, 50 a page, most recently imported first; these are older ones",
                new ArticlePage(List.of(), 9L, null, ArticlePage.SEARCH_COUNTED + 1, "refund").range());
        assertEquals("3 articles", new ArticlePage(List.of(), null, null, 3, "refund").range());
    }

    private static List<String> titles(Caller admin, String q) {
        return admin.request().queryParam("q", q).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("title");
    }
}
