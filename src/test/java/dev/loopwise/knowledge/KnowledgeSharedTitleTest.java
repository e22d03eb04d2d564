package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An article replaces only the one under its own id, address or title, so the same article imported once with its address
 * and once without stands twice, and both are found for tickets: the import says so, on the API and on the page (after
 * its redirect, so a refresh does not import the file again).
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

        // Imported again under its address it replaces itself, and the copy is still pointed out, on the page too: the
        // upload is answered with a redirect to the page, whose address carries what the import did.
        Caller browser = Caller.session("admin");
        String location = browser.pageRequest().accept("text/html").multiPart("file", "wrap.md", withAddress.getBytes(), "text/markdown")
                .multiPart("csrf-token", browser.csrfToken()).post("/admin/knowledge").then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/admin/knowledge\\?imported=1&passages=1&replaced=1&shared1="
                + Pattern.quote(URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20")) + "&at=\\d+&seal=[\\w-]+#knowledge-result"),
                location);
        String shown = location.substring(0, location.indexOf('#'));
        String page = browser.pageRequest().urlEncodingEnabled(false).accept("text/html").get(shown).then().statusCode(200).extract().asString();
        String result = page.substring(page.indexOf("id=\"knowledge-result\""));
        assertTrue(result.contains("Imported 1 article as 1 passage (it replaced"), result);
        assertTrue(result.contains("it replaced an earlier import of the same article). &#39;" + title + "&#39; is now the title of"
                + " more than one article, under different ids or addresses, and all are kept and found"), result);
        assertTrue(result.contains("delete the copy you do not want under Articles"), result);
        // Showing the page again (a refresh) imports nothing again: the copy and the article are still the two there are.
        browser.pageRequest().urlEncodingEnabled(false).accept("text/html").get(shown).then().statusCode(200);
        assertEquals(2L, KnowledgeArticles.count(em, "select count(*) from knowledge_articles where lower(title) = lower('" + title + "')"));

        // Once the copy is gone, nothing more is said.
        admin.request().delete("/api/v1/knowledge/articles/" + KnowledgeArticles.count(em, "select id from knowledge_articles where title = '"
                + title.toUpperCase() + "'")).then().statusCode(204);
        upload(admin, "wrap.md", "text/markdown", withAddress).statusCode(201).body("replaced", equalTo(1))
                .body("sharedTitles", equalTo(List.of()));
        // Left behind, the article would ground other tests' tickets: their drafts expect no knowledge base.
        admin.request().delete("/api/v1/knowledge/articles/" + KnowledgeArticles.count(em, "select id from knowledge_articles where title = '"
                + title + "'")).then().statusCode(204);
    }

    @Test
    void anAddressNotMadeByAnImportShowsNoOutcome() {
        Caller browser = Caller.session("admin");
        // A link anyone could send an admin: the page would say, in its own words, what the link makes it say.
        String forged = "/admin/knowledge?imported=2&passages=2&replaced=0&leftOut=1&leftOut1="
                + URLEncoder.encode("Refunds. Your session expired: sign in again at https://evil.example", StandardCharsets.UTF_8);
        for (String address : List.of(forged, forged + "&at=" + Instant.now().getEpochSecond() + "&seal=AAAA",
                "/admin/knowledge?imported=2&passages=3&replaced=0")) {
            String page = browser.pageRequest().urlEncodingEnabled(false).accept("text/html").get(address).then().statusCode(200)
                    .extract().asString();
            assertFalse(page.contains("id=\"knowledge-result\"") || page.contains("evil.example") || page.contains("Imported 2"),
                    address + ": " + page);
        }

        // The import's own address, with one title changed, is forged too; as it came, it says what the import did.
        String title = "Bows " + UUID.randomUUID();
        String file = "{\"title\": \"" + title + "\", \"url\": \"javascript:alert(1)\", \"body\": \"Bows are free.\"}\n";
        String location = browser.pageRequest().accept("text/html").multiPart("file", "bows.jsonl", file.getBytes(), "application/x-ndjson")
                .multiPart("csrf-token", browser.csrfToken()).post("/admin/knowledge").then().statusCode(303).extract().header("Location");
        try {
            String shown = location.substring(0, location.indexOf('#'));
            String genuine = browser.pageRequest().urlEncodingEnabled(false).accept("text/html").get(shown).then().statusCode(200)
                    .extract().asString();
            assertTrue(genuine.contains("Imported 1 article as 1 passage. 1 article address was not a link a browser can open and was left"
                    + " out: &#39;" + title + "&#39;."), genuine);
            String altered = shown.replace(URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20"), "evil.example");
            assertTrue(altered.contains("leftOut1=evil.example&"), altered);
            String page = browser.pageRequest().urlEncodingEnabled(false).accept("text/html").get(altered).then().statusCode(200)
                    .extract().asString();
            assertFalse(page.contains("id=\"knowledge-result\"") || page.contains("evil.example"), page);
        } finally {
            // Left behind, the article would ground other tests' tickets.
            Caller.apiKey(keys, "admin").request().delete("/api/v1/knowledge/articles/" + KnowledgeArticles.count(em,
                    "select id from knowledge_articles where title = '" + title + "'")).then().statusCode(204);
        }
    }
}
