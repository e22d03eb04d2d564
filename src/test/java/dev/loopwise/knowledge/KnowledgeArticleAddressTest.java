package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An address found inside a file never refuses the file: one a browser opens is kept as written and linked
 * percent-encoded, one it could not open is left out. The address typed beside the file must name a real site.
 */
@QuarkusTest
class KnowledgeArticleAddressTest {
    private static final String ARTICLES = "/api/v1/knowledge/articles";

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void anOddAddressInsideAFileIsKeptAsWrittenAndLinkedEncodedOrLeftOut() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = "addr" + UUID.randomUUID().toString().substring(0, 8);
        List<Object> ids = new ArrayList<>();
        try {
            upload(admin, tag + "-sale.md", "text/markdown", "---\ntitle: Sale " + tag + "\nurl: https://shop.com/50%off\n---\n\nHalf price.\n")
                    .statusCode(201);
            upload(admin, tag + "-sizes.html", "text/html", "<html><head><title>Sizes " + tag + "</title><link rel=\"canonical\""
                    + " href=\"https://shop.com/sizes|eu?fit={wide}#top#shoes\"></head><body><h1>Sizes " + tag + "</h1><p>Sizes run small.</p></body></html>").statusCode(201);
            upload(admin, tag + "-port.md", "text/markdown", "---\ntitle: Port " + tag + "\nurl: http://evil.com:abc/\n---\n\nNo port.\n")
                    .statusCode(201);
            upload(admin, tag + "-rows.jsonl", "application/x-ndjson", "{\"title\": \"Row " + tag + "\", \"url\": \"https://@/\", \"body\": \"A row.\"}\n")
                    .statusCode(201);
            ids.addAll(admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("id"));
            assertEquals(4, ids.size());
            assertEquals("https://shop.com/50%off", url("Sale " + tag), "kept as written");
            assertEquals("https://shop.com/sizes|eu?fit={wide}#top#shoes", url("Sizes " + tag));
            assertNull(url("Port " + tag), "a port that is no number: the address is left out, the article kept");
            assertNull(url("Row " + tag), "no site: left out");

            String page = Caller.session("admin").pageRequest().accept("text/html").queryParam("q", tag).get("/admin/knowledge").then()
                    .statusCode(200).extract().asString();
            assertTrue(page.contains("href=\"https://shop.com/50%25off\""), page);
            assertTrue(page.contains("href=\"https://shop.com/sizes%7Ceu?fit=%7Bwide%7D#top%23shoes\""), page);
            assertFalse(page.contains("evil.com"), page);
        } finally {
            ids.forEach(id -> admin.request().delete(ARTICLES + "/" + id).then().statusCode(204));
        }
    }

    @Test
    void anImportNamesTheArticlesWhoseAddressWasLeftOutOnTheApiAndThePage() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = "left" + UUID.randomUUID().toString().substring(0, 8);
        String file = "{\"title\": \"Returns, exchanges " + tag + "\", \"url\": \"javascript:alert(1)\", \"body\": \"Thirty days.\"}\n"
                + "{\"title\": \"Shipping " + tag + "\", \"url\": \"https://@/\", \"body\": \"Three days.\"}\n"
                + "{\"title\": \"Sizes " + tag + "\", \"url\": \"https://help.example.com/sizes-" + tag + "\", \"body\": \"Run small.\"}\n";
        try {
            upload(admin, tag + ".jsonl", "application/x-ndjson", file).statusCode(201)
                    .body("addressesLeftOut", equalTo(List.of("Returns, exchanges " + tag, "Shipping " + tag)))
                    .body("summary", equalTo("Imported 3 articles as 3 passages. 2 article addresses were not links a browser can open and"
                            + " were left out: 'Returns, exchanges " + tag + "', 'Shipping " + tag + "'. Give them http:// or https:// addresses in the"
                            + " file and import it again to show the links."));
            assertEquals(3, admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).extract().jsonPath()
                    .getList("id").size());

            Caller browser = Caller.session("admin");
            String location = browser.pageRequest().accept("text/html").multiPart("file", tag + ".jsonl", file.getBytes(), "application/x-ndjson")
                    .multiPart("csrf-token", browser.csrfToken()).post("/admin/knowledge").then().statusCode(303).extract().header("Location");
            assertTrue(location.contains("&leftOut=2&leftOut1=Returns%2C%20exchanges%20" + tag + "&leftOut2=Shipping%20" + tag), location);
            String page = browser.pageRequest().urlEncodingEnabled(false).accept("text/html").get(location.substring(0, location.indexOf('#')))
                    .then().statusCode(200).extract().asString();
            String result = page.substring(page.indexOf("id=\"knowledge-result\""));
            assertTrue(result.contains("(3 of them replaced earlier imports of the same articles). 2 article addresses were not links a"
                    + " browser can open and were left out: &#39;Returns, exchanges " + tag + "&#39;, &#39;Shipping " + tag + "&#39;."), result);

            // An article whose address is fine, or that gives none, is not named.
            upload(admin, tag + "-none.md", "text/markdown", "# Gift wrap " + tag + "\n\nThree euros.\n").statusCode(201)
                    .body("addressesLeftOut", equalTo(List.of())).body("summary", equalTo("Imported 1 article as 1 passage."));
        } finally {
            // Read at the end: importing the file again replaced the articles under new ids.
            admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("id")
                    .forEach(id -> admin.request().delete(ARTICLES + "/" + id).then().statusCode(204));
        }
    }

    @Test
    void anAddressInFrontMatterOrACanonicalLinkThatIsNoWebAddressIsNamedAsLeftOut() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = "front" + UUID.randomUUID().toString().substring(0, 8);
        try {
            String[][] markdown = {{"url", "javascript:alert(1)"}, {"canonical_url", "ftp://shop.com/returns"}, {"url", "www.shop.com/returns"}};
            for (int i = 0; i < markdown.length; i++) {
                String title = "Front " + i + " " + tag;
                upload(admin, tag + "-" + i + ".md", "text/markdown", "---\ntitle: " + title + "\n" + markdown[i][0] + ": " + markdown[i][1]
                        + "\n---\n\nThirty days.\n").statusCode(201).body("addressesLeftOut", equalTo(List.of(title)));
                assertNull(url(title), markdown[i][1]);
            }
            // A relative canonical link is left out and named too: the page does not say which site it is on.
            String[] canonical = {"javascript:alert(1)", "ftp://shop.com/returns", "www.shop.com/returns", "/returns"};
            for (int i = 0; i < canonical.length; i++) {
                String title = "Page " + i + " " + tag;
                upload(admin, tag + "-" + i + ".html", "text/html", "<html><head><title>" + title + "</title><link rel=\"canonical\" href=\""
                        + canonical[i] + "\"></head><body><p>Thirty days.</p></body></html>").statusCode(201)
                        .body("addressesLeftOut", equalTo(List.of(title)));
                assertNull(url(title), canonical[i]);
            }
            // No address at all is nothing left out.
            upload(admin, tag + "-none.md", "text/markdown", "---\ntitle: None " + tag + "\nurl:\n---\n\nText.\n").statusCode(201)
                    .body("addressesLeftOut", equalTo(List.of()));
            upload(admin, tag + "-web.html", "text/html", "<html><head><title>Web " + tag + "</title><link rel=\"canonical\""
                    + " href=\"https://shop.com/web\"></head><body><p>Text.</p></body></html>").statusCode(201)
                    .body("addressesLeftOut", equalTo(List.of()));
            assertEquals("https://shop.com/web", url("Web " + tag));
        } finally {
            admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("id")
                    .forEach(id -> admin.request().delete(ARTICLES + "/" + id).then().statusCode(204));
        }
    }

    @Test
    void theAddressTypedBesideTheFileMustNameASiteAndSaysSoInPlainWords() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String url : new String[] {"https://@/", "https://:80/"}) {
            typed(admin, url).body("error", containsString("names no site after https://"));
        }
        typed(admin, "http://evil.com:abc/").body("error", containsString("gives the port 'abc' after the site's name: a port is a number"
                + " from 1 to 65535"));
        typed(admin, "https://sh op.com/").body("error", containsString("holds a space"));

        String title = "Bücher " + UUID.randomUUID();
        admin.request().contentType("text/markdown").queryParam("name", "buecher.md").queryParam("url", "https://bücher.de/rückgabe|neu")
                .body("# " + title + "\n\nBücher zurückgeben.\n").post(ARTICLES).then().statusCode(201);
        Object id = admin.request().queryParam("q", title).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("id").get(0);
        try {
            assertEquals("https://bücher.de/rückgabe|neu", url(title));
            String page = Caller.session("admin").pageRequest().accept("text/html").queryParam("q", title).get("/admin/knowledge").then()
                    .statusCode(200).extract().asString();
            assertTrue(page.contains("href=\"https://bücher.de/r%C3%BCckgabe%7Cneu\""), page);
        } finally {
            admin.request().delete(ARTICLES + "/" + id).then().statusCode(204);
        }
    }

    private ValidatableResponse typed(Caller admin, String url) {
        return admin.request().contentType("text/markdown").queryParam("name", "typed.md").queryParam("url", url)
                .body("# Typed " + UUID.randomUUID() + "\n\nText.\n").post(ARTICLES).then().statusCode(400).body("code", equalTo("invalid_url"))
                .body("error", containsString("Nothing was imported")).body("error", not(containsString("Illegal character")));
    }

    private String url(String title) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select url from knowledge_articles where title = ?1")
                .setParameter(1, title).getSingleResult());
    }
}
