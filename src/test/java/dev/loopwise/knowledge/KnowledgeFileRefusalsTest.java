package dev.loopwise.knowledge;

import static dev.loopwise.knowledge.KnowledgeArticles.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Knowledge-base files that cannot be imported: refused with the problem named, through the API and the page, writing nothing. */
@QuarkusTest
class KnowledgeFileRefusalsTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void badFilesAreRefusedWithTheProblemNamedAndWriteNothing() {
        Caller admin = Caller.apiKey(keys, "admin");
        // Every refused file's name holds this test's own mark, so what it might have written is told apart from other tests' rows.
        String tag = "refused" + UUID.randomUUID().toString().substring(0, 8) + "-";
        assertEquals(0, written(tag));
        upload(admin, tag + "empty.md", "text/markdown", "").statusCode(400).body("code", equalTo("empty_file"))
                .body("error", containsString("'" + tag + "empty.md' is empty"));
        admin.request().contentType("text/markdown").queryParam("name", tag + "logo.md")
                .body(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff}).post("/api/v1/knowledge/articles")
                .then().statusCode(400).body("code", equalTo("binary_file"));
        upload(admin, tag + "latin1.md", "text/markdown", null).statusCode(400).body("code", equalTo("not_utf8"));
        // An export saved as Windows-1252: the line of its first such character, and no spreadsheet's advice for a JSONL file.
        admin.request().contentType("application/x-ndjson").queryParam("name", tag + "export.jsonl").body(("{\"title\": \"Tea\", \"body\": \"Hot.\"}\n"
                + "{\"title\": \"Caf\u00e9 \u2013 hours\", \"body\": \"Open at 9.\"}\n").getBytes(Charset.forName("windows-1252")))
                .post("/api/v1/knowledge/articles").then().statusCode(400).body("code", equalTo("not_utf8"))
                .body("error", equalTo("'" + tag + "export.jsonl' is not UTF-8 text: save it as UTF-8 and send it again. Its first character that"
                        + " is not UTF-8 is on line 2 (an accented letter or a symbol saved in another encoding)."));
        upload(admin, tag + "broken.jsonl", "application/x-ndjson", "{\"title\": \"Fine\", \"body\": \"A good article.\"}\n"
                + "{\"title\": \"Cut\", \"body\": \"no end\n{\"title\": \"\", \"body\": \"untitled\"}\n"
                + "{\"title\": \"Nul\", \"body\": \"a \\u0000 b\"}\n").statusCode(400)
                .body("error", containsString("line 2: not valid JSON")).body("error", containsString("line 3: 'title' must be"))
                .body("error", containsString("line 4: 'body' contains a NUL character"))
                .body("error", containsString("Nothing was imported"));
        // Front matter without its closing line would put its fields in the text and lose the title.
        upload(admin, tag + "gift-wrap.md", "text/markdown", "---\ntitle: Gift wrapping\nurl: https://help.example.com/wrap\n\nWrapping costs 3 EUR.\n")
                .statusCode(400).body("code", equalTo("invalid_file")).body("error", equalTo("Nothing was imported: '" + tag + "gift-wrap.md' opens"
                        + " its front matter with --- on line 1 but never closes it, so its fields would be read as the article's text:"
                        + " add a line --- after its last field (line 3) and import the file again (or, if line 1 is not front matter,"
                        + " remove it)."));
        upload(admin, tag + "prices.csv", "text/csv", "sku,price\n1,2\n").statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", containsString("'" + tag + "prices.csv' is not a knowledge-base file"))
                .body("error", containsString("one JSON line per row with its title and body"));
        upload(admin, tag + "help-centre.zip", "application/zip", "PK\u0003\u0004").statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", containsString("unpack it and import the article files inside it"));
        upload(admin, tag + "Returns.pdf", "application/pdf", "%PDF-1.7").statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", containsString("export the articles from the help centre as HTML or Markdown"));
        // What storage cannot keep is refused up front, in the id too (a NUL; half a surrogate pair, which would turn into '?'
        // and make different ids one); a body that is only a script has no text; a name must be a plain line.
        upload(admin, tag + "ids.jsonl", "application/x-ndjson", "{\"title\": \"A\", \"body\": \"Text.\", \"id\": \"a\\u0000b\"}\n"
                + "{\"title\": \"B\", \"body\": \"Text.\", \"id\": \"\\udc00\"}\n"
                + "{\"title\": \"C\", \"body\": \"<script>alert(1)</script>\"}\n").statusCode(400)
                .body("error", containsString("line 1: 'id' contains a NUL character"))
                .body("error", containsString("line 2: 'id' contains a NUL character (\\u0000) or half of a surrogate pair"))
                .body("error", containsString("line 3: the article has no text besides its title"));
        // A direction override is refused in every query parameter before the name's own rules are read.
        upload(admin, "evil\u202egnp" + tag + ".md", "text/markdown", "# Title\n\nText.").statusCode(400).body("code", equalTo("invalid_parameter"))
                .body("error", containsString("U+202E at character 5, a right-to-left override"));
        upload(admin, "evil\u200bgnp" + tag + ".md", "text/markdown", "# Title\n\nText.").statusCode(400).body("code", equalTo("invalid_name"))
                .body("error", containsString("ending in .md, .markdown, .txt, .html, .htm, .jsonl, .ndjson or .json."));
        admin.request().contentType("application/json").body("{\"q\":\"" + "word ".repeat(5000) + "\"}").post("/api/v1/knowledge/search")
                .then().statusCode(400).body("code", equalTo("text_too_long"));
        // An address inside the file that is no web address is left out, as a relative one is: the article itself is worth having.
        String scripted = "Scripted address " + UUID.randomUUID();
        upload(admin, "evil.jsonl", "application/x-ndjson", "{\"title\": \"" + scripted + "\", \"body\": \"y\", \"url\": \"javascript:alert(1)\"}\n")
                .statusCode(201);
        Object[] kept = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("select id, url from knowledge_articles"
                + " where title = ?1").setParameter(1, scripted).getSingleResult());
        admin.request().delete("/api/v1/knowledge/articles/" + kept[0]).then().statusCode(204);
        assertNull(kept[1], "the javascript: address is not kept");
        // The page's upload: the same refusal, shown on the page.
        Caller browser = Caller.session("admin");
        String page = browser.pageRequest().accept("text/html").multiPart("file", tag + "empty.md", new byte[0], "text/markdown")
                .multiPart("csrf-token", browser.csrfToken()).post("/admin/knowledge").then().statusCode(400).extract().asString();
        assertTrue(page.contains("is empty"), page);
        String badAddress = browser.pageRequest().accept("text/html").multiPart("file", tag + "returns.md", "# Returns\n\nWithin 30 days.".getBytes(),
                "text/markdown").multiPart("url", "help.example.com/returns").multiPart("csrf-token", browser.csrfToken())
                .post("/admin/knowledge").then().statusCode(400).extract().asString();
        assertTrue(badAddress.contains("id=\"knowledge-error\"") && badAddress.contains("value=\"help.example.com/returns\""),
                "the refused address stays in its field: " + badAddress);
        assertEquals(0, written(tag));
    }

    /** Articles and passages imported from files whose name holds {@code tag}. */
    private long written(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select (select count(*) from knowledge_articles"
                + " where strpos(source_name, ?1) > 0) + (select count(*) from knowledge_passages p join knowledge_articles a on"
                + " a.id = p.article_id where strpos(a.source_name, ?1) > 0)").setParameter(1, tag).getSingleResult()).longValue());
    }

    @Test
    void unicodeTextIsReadAndCompressedOrMarkOnlyFilesAreNamedForWhatTheyAre() throws IOException {
        Caller admin = Caller.apiKey(keys, "admin");
        String title = "Unicode hours " + UUID.randomUUID();
        // Windows editors save "Unicode" text as UTF-16 with its mark: its NUL bytes make it no binary file.
        byte[] utf16 = ("# " + title + "\r\n\r\nThe caf\u00e9 opens at 9.\r\n").getBytes(StandardCharsets.UTF_16);
        admin.request().contentType("text/markdown").queryParam("name", "hours.md").body(utf16).post("/api/v1/knowledge/articles")
                .then().statusCode(201).body("titles[0]", equalTo(title));
        Number id = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select id from knowledge_articles where title = ?1").setParameter(1, title).getSingleResult());
        admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204);

        String gone = "Compressed " + UUID.randomUUID();
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(("# " + gone + "\n\nText.\n").getBytes(StandardCharsets.UTF_8));
        }
        admin.request().contentType("text/markdown").queryParam("name", "hours.md").body(gzip.toByteArray()).post("/api/v1/knowledge/articles")
                .then().statusCode(400).body("code", equalTo("compressed_file")).body("error", containsString("decompress it"));
        admin.request().contentType("text/markdown").queryParam("name", "mark.md").body(new byte[] {(byte) 0xff, (byte) 0xfe})
                .post("/api/v1/knowledge/articles").then().statusCode(400).body("code", equalTo("empty_file"))
                .body("error", containsString("'mark.md' is empty"));
        upload(admin, "mark.md", "text/markdown", "\ufeff\n").statusCode(400).body("code", equalTo("empty_file"));
        assertEquals(0, KnowledgeArticles.count(em, "select count(*) from knowledge_articles where title = '" + gone + "'"));
    }

    @Test
    void aPdfOrAZipRenamedMdIsNamedForWhatItIsAndAnHtmlPageSavedAsMdIsReadAsHtml() {
        Caller admin = Caller.apiKey(keys, "admin");
        // A PDF's second line holds bytes that are not UTF-8, which alone would read as a text file in the wrong encoding.
        admin.request().contentType("text/markdown").queryParam("name", "Returns policy.md")
                .body("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)).post("/api/v1/knowledge/articles")
                .then().statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", containsString("'Returns policy.md' is a PDF, whatever its name says"))
                .body("error", containsString("export the articles from the help centre as HTML or Markdown"));
        admin.request().contentType("text/markdown").queryParam("name", "articles.md").body(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0})
                .post("/api/v1/knowledge/articles").then().statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", containsString("'articles.md' is a zip archive, whatever its name says"))
                .body("error", containsString("unpack it and import the article files inside it"));

        String title = "Refund times " + UUID.randomUUID();
        upload(admin, "refunds.md", "text/markdown", "\n<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>"
                + title + "</h1><p>Refunds take five working days.</p><script>track()</script></body></html>").statusCode(201)
                .body("titles[0]", equalTo(title));
        Number id = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select id from knowledge_articles where title = ?1").setParameter(1, title).getSingleResult());
        try {
            String text = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "select string_agg(text, ' ') from knowledge_passages where article_id = ?1").setParameter(1, id).getSingleResult());
            assertEquals("Refunds take five working days.", text.strip());
        } finally {
            admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204);
        }
    }
}
