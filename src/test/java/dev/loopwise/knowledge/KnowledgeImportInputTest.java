package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.user.UserService;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The import's name and url parameters as a client may get them wrong: each refused with its code and what to fix, with
 * no article and no import row written; an empty one counts as left out. An address stored before addresses were checked
 * is never made a link.
 */
@QuarkusTest
class KnowledgeImportInputTest {
    private static final String ARTICLES = "/api/v1/knowledge/articles";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    @Test
    void badNamesAndAddressesAreRefusedWithWhatToFixAndWriteNothing() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        long mark = KnowledgeArticles.count(em, "select coalesce(max(id), 0) from knowledge_imports");
        String article = "# Gift cards " + tag + "\n\nGift cards never expire.\n";
        // The content type would read them as Markdown, but the name says the file is something else.
        upload(admin, "report.pdf", "text/markdown", article).statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", containsString("'report.pdf' is not a knowledge-base file"))
                .body("error", containsString("export the articles from the help centre as HTML or Markdown"));
        upload(admin, "notes.docx", "text/plain", article).statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", containsString("Save it from the word processor as a Web page (.html) or as Markdown (.md)"));
        upload(admin, "x.", "text/markdown", article).statusCode(400).body("code", equalTo("invalid_name"))
                .body("error", equalTo("'x.' ends in a dot, so it has no ending to read it by: name the file with one of .md, .markdown,"
                        + " .txt, .html, .htm, .jsonl, .ndjson or .json (for example returns.md). Nothing was imported."));

        withUrl(admin, tag, "javascript:alert(1)").body("error", containsString("does not start with http:// or https://"))
                .body("error", containsString("got 'javascript:alert(1)'"));
        withUrl(admin, tag, "ftp://files.shop.io/gift-cards.md").body("error", containsString("does not start with http:// or https://"));
        withUrl(admin, tag, "help.shop.io/gift-cards").body("error", containsString("does not start with http:// or https://"));
        withUrl(admin, tag, "example.com/a b").body("error", containsString("holds a space"));
        withUrl(admin, tag, "https:///gift-cards").body("error", containsString("names no site after https://"));
        withUrl(admin, tag, "https://help.shop.io/" + "a".repeat(4979)).body("error", containsString("is 5,000 characters long, more than"
                + " the 900 an article's address may have"));
        // A JSONL file's rows carry their own addresses: one for the whole file would belong to none of them.
        admin.request().contentType("application/x-ndjson").queryParam("name", "cards-" + tag + ".jsonl").queryParam("url", "https://help.shop.io/cards")
                .body(("{\"title\": \"Gift cards " + tag + "\", \"body\": \"They never expire.\"}\n").getBytes(StandardCharsets.UTF_8))
                .post(ARTICLES).then().statusCode(400)
                .body("code", equalTo("invalid_url")).body("error", containsString("gives each article's address in its own \"url\""));

        // The page's form: the same refusal, the address kept in its field to fix.
        Caller browser = Caller.session("admin");
        String page = browser.pageRequest().accept("text/html").multiPart("file", "gift-cards-" + tag + ".md", article.getBytes(StandardCharsets.UTF_8),
                "text/markdown").multiPart("url", "javascript:alert(1)").multiPart("csrf-token", browser.csrfToken())
                .post("/admin/knowledge").then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"knowledge-error\"") && page.contains("does not start with http:// or https://"), page);
        assertTrue(page.contains("value=\"javascript:alert(1)\""), "the refused address stays in its field to fix: " + page);
        assertFalse(page.contains("href=\"javascript:"), page);
        assertEquals(0, written(tag, mark), "no article, passage or import row");
    }

    @Test
    void anEmptyNameOrAddressCountsAsLeftOutAndTheContentTypeReadsAnUnknownEnding() {
        Caller admin = Caller.apiKey(keys, "admin");
        String title = "Store credit " + UUID.randomUUID();
        admin.request().contentType("text/markdown").queryParam("name", "").queryParam("url", "").body("# " + title + "\n\nStore credit"
                + " never expires.\n").post(ARTICLES).then().statusCode(201).body("titles[0]", equalTo(title));
        Object[] row = article(title);
        try {
            assertNull(row[1], "an empty url is no address");
            assertNull(row[2], "an empty name is no name: the content type read the file");
        } finally {
            admin.request().delete(ARTICLES + "/" + row[0]).then().statusCode(204);
        }
        String versioned = "Store credit v1.2 " + UUID.randomUUID();
        upload(admin, "Store credit v1.2", "text/markdown", "# " + versioned + "\n\nStill never expires.\n").statusCode(201);
        Object[] kept = article(versioned);
        admin.request().delete(ARTICLES + "/" + kept[0]).then().statusCode(204);
        assertEquals("Store credit v1.2", kept[2], "an ending Loopwise does not know leaves the file to its content type");
    }

    @Test
    void onlyAnAdminImportsOrListsArticles() {
        for (Caller caller : new Caller[] {Caller.reviewer(users, keys), Caller.service(users, keys)}) {
            caller.request().contentType("text/markdown").queryParam("name", "a.md").queryParam("url", "javascript:alert(1)")
                    .body("# A\n\nText.\n").post(ARTICLES).then().statusCode(403).body("code", equalTo("forbidden"));
            caller.request().queryParam("q", "refund").get(ARTICLES).then().statusCode(403).body("code", equalTo("forbidden"));
        }
        Caller.anonymous().request().queryParam("q", "refund").get(ARTICLES).then().statusCode(401);
    }

    @Test
    void anAddressKeptFromBeforeTheCheckIsShownButNeverLinked() {
        Caller admin = Caller.apiKey(keys, "admin");
        String title = "Old script address " + UUID.randomUUID();
        upload(admin, "old-address.md", "text/markdown", "# " + title + "\n\nKept from an older version.\n").statusCode(201);
        Object[] row = article(title);
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update knowledge_articles set url = 'javascript:alert(1)'"
                    + " where id = ?1").setParameter(1, row[0]).executeUpdate());
            String page = Caller.session("admin").pageRequest().accept("text/html").queryParam("q", title).get("/admin/knowledge")
                    .then().statusCode(200).extract().asString();
            assertFalse(page.contains("href=\"javascript:"), page);
            assertTrue(page.contains("javascript:alert(1) (not a web address, so not a link"), page);
        } finally {
            admin.request().delete(ARTICLES + "/" + row[0]).then().statusCode(204);
        }
        // A passage found for a ticket is shown by the same rule.
        assertNull(KnowledgeFormats.liveUrl(new Passage(1, "Old", "javascript:alert(1)", "Text.", 0.9)));
        assertNull(KnowledgeFormats.liveUrl(new Passage(1, "Old", "JAVASCRIPT://help.shop.io/%0Aalert(1)", "Text.", 0.9)));
        assertEquals("https://help.shop.io/a", KnowledgeFormats.liveUrl(new Passage(1, "Live", "https://help.shop.io/a", "Text.", 0.9)));
    }

    @Test
    void aFileWhoseNameAndTypeSayNothingOfItsKindIsToldHowToSayIt() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        long mark = KnowledgeArticles.count(em, "select coalesce(max(id), 0) from knowledge_imports");
        byte[] article = ("# Gift cards " + tag + "\n\nGift cards never expire.\n").getBytes(StandardCharsets.UTF_8);
        String typed = ", or send it with its content type (text/markdown, text/html, application/x-ndjson or application/json)."
                + " Nothing was imported.";
        // It was told it is no knowledge-base file, though it may well be Markdown: what is missing is a name or a type saying so.
        admin.request().contentType("application/octet-stream").body(article).post(ARTICLES).then().statusCode(400)
                .body("code", equalTo("unsupported_type"))
                .body("error", equalTo("The file came with no name and the content type application/octet-stream, which says nothing of"
                        + " what a file holds, so there is nothing to read it by: give its name with its ending in ?name= (for example"
                        + " ?name=returns.md; the endings read are .md, .markdown, .txt, .html, .htm, .jsonl, .ndjson or .json)" + typed));
        String name = "gift-cards-" + tag;
        admin.request().contentType("application/octet-stream").queryParam("name", name).body(article).post(ARTICLES).then()
                .statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", equalTo("'" + name + "' has no ending and came with the content type application/octet-stream, which says"
                        + " nothing of what a file holds, so there is nothing to read it by: name the file with one of .md, .markdown,"
                        + " .txt, .html, .htm, .jsonl, .ndjson or .json (for example " + name + ".md)" + typed));
        // An ending that is none of the kinds read or refused by name says no more than none.
        for (String dotted : new String[] {"faq-" + tag + ".v2", "Returns policy " + tag + " 1.2"}) {
            admin.request().contentType("application/octet-stream").queryParam("name", dotted).body(article).post(ARTICLES).then()
                    .statusCode(400).body("code", equalTo("unsupported_type"))
                    .body("error", startsWith("'" + dotted + "' has no ending this import knows ('"
                            + dotted.substring(dotted.lastIndexOf('.')) + "') and came with the content type application/octet-stream"))
                    .body("error", containsString("(for example " + dotted + ".md)"));
        }
        // An ending that names another kind (.xml, .log) is not told to be renamed .md, which would import its markup as text.
        for (String typed2 : new String[] {"export-" + tag + ".xml", "server-" + tag + ".log"}) {
            admin.request().contentType("application/octet-stream").queryParam("name", typed2).body(article).post(ARTICLES).then()
                    .statusCode(400).body("code", equalTo("unsupported_type")).body("error", not(containsString("(for example")));
        }
        assertEquals(0, written(tag, mark), "no article, passage or import row");
        // Either said, the same file is read.
        admin.request().contentType("application/octet-stream").queryParam("name", name + ".md").body(article).post(ARTICLES).then()
                .statusCode(201).body("articles", equalTo(1));
        admin.request().contentType("text/markdown").queryParam("name", name).body(article).post(ARTICLES).then()
                .statusCode(201).body("articles", equalTo(1));
        admin.request().queryParam("q", tag).get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("id", Integer.class)
                .forEach(id -> admin.request().delete(ARTICLES + "/" + id).then().statusCode(204));
    }

    @Test
    void aFileWithoutANameOrATypeThatIsNoTextIsToldWhatItIs() {
        Caller admin = Caller.apiKey(keys, "admin");
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        byte[] binary = {'#', ' ', 'G', 'i', 'f', 't', 0, 1, 2, 3, '\n'};
        for (String type : new String[] {"application/octet-stream", null}) {
            post(admin, type, pdf).body("code", equalTo("unsupported_type"))
                    .body("error", startsWith("The file is a PDF, whatever its name says.")).body("error", not(containsString("?name=")));
            post(admin, type, zip).body("code", equalTo("unsupported_type")).body("error", startsWith("The file is a zip archive"));
            post(admin, type, binary).body("code", equalTo("binary_file")).body("error", startsWith("The file is a binary file"));
        }
    }

    private static ValidatableResponse post(Caller admin, String type, byte[] body) {
        var request = admin.request().body(body);
        if (type != null) {
            request.contentType(type);
        }
        return request.post(ARTICLES).then().statusCode(400);
    }

    private static ValidatableResponse withUrl(Caller admin, String tag, String url) {
        return admin.request().contentType("text/markdown").queryParam("name", "gift-cards-" + tag + ".md").queryParam("url", url)
                .body("# Gift cards " + tag + "\n\nGift cards never expire.\n").post(ARTICLES).then().statusCode(400).body("code", equalTo("invalid_url"))
                .body("error", containsString("Nothing was imported"));
    }

    /**
     * Articles, passages and import rows this test could have written: only those of its own files (titles holding
     * {@code tag}, names it sent, imports after {@code mark}), since another class's background import may be writing
     * its own meanwhile.
     */
    private long written(String tag, long mark) {
        String articles = "select id from knowledge_articles where title like '%" + tag + "%'";
        return KnowledgeArticles.count(em, "select count(*) from (" + articles + ") a")
                + KnowledgeArticles.count(em, "select count(*) from knowledge_passages where article_id in (" + articles + ")")
                + KnowledgeArticles.count(em, "select count(*) from knowledge_imports where id > " + mark + " and (file_name like '%"
                + tag + "%' or file_name in ('report.pdf', 'notes.docx', 'x.'))");
    }

    /** The id, url and file name of the article titled {@code title}. */
    private Object[] article(String title) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("select id, url, source_name from"
                + " knowledge_articles where title = ?1").setParameter(1, title).getSingleResult());
    }
}
