package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A body over the size limit is a 413 that names the limit, in each answer's own shape, sent whole or chunked; it changes nothing. */
@QuarkusTest
class OversizedBodyTest {
    @Inject
    ApiKeyService keys;
    Caller admin;

    @BeforeEach
    void admin() {
        admin = Caller.apiKey(keys, "admin");
    }

    @Test
    void anOversizedBodyIsA413WithTheLimit() {
        long users = ErrorShapeTest.countUsers();
        String huge = "{\"username\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        admin.request().contentType("application/json").body(huge).post("/api/v1/users")
                .then().statusCode(413).body("code", equalTo("payload_too_large"))
                .body("error", containsString("10 MB"));
        assertEquals(users, ErrorShapeTest.countUsers());
        // The OpenAI-compatible path answers in OpenAI's error shape, which SDKs read.
        admin.request().contentType("application/json").body(huge).post("/v1/chat/completions")
                .then().statusCode(413).body("error.code", equalTo("payload_too_large")).body("error.message", containsString("10 MB"))
                .body("error.message", containsString("only the text of the last user message"))
                .body("error.message", not(containsString("import")));
        // A browser's upload gets a page, with the headers every other answer carries.
        Caller browser = Caller.session("admin");
        byte[] form = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "x".repeat(11 * 1024 * 1024) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        browser.pageRequest().accept("text/html").contentType("multipart/form-data; boundary=b").body(form).post("/admin/import")
                .then().statusCode(413).contentType(containsString("text/html")).body(containsString("10 MB"))
                .header("X-Frame-Options", "DENY").header("Referrer-Policy", "same-origin");
    }

    @Test
    void anOversizedChunkedBodyIsA413WithTheLimitAndASmallOneStillArrives() {
        long users = ErrorShapeTest.countUsers();
        byte[] huge = ("{\"username\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        // An InputStream body has no length, so it goes out chunked, without Content-Length.
        admin.request().contentType("application/json").body(new ByteArrayInputStream(huge)).post("/api/v1/users")
                .then().statusCode(413).body("code", equalTo("payload_too_large")).body("error", containsString("10 MB"));
        byte[] small = "{\"username\":\"chunked\",\"nickname\":1}".getBytes(StandardCharsets.UTF_8);
        admin.request().contentType("application/json").body(new ByteArrayInputStream(small)).post("/api/v1/users")
                .then().statusCode(400).body("error", containsString("nickname"));
        assertEquals(users, ErrorShapeTest.countUsers());
    }

    @Test
    void aBrowsersOversizedUploadLeadsBackToThePageItCameFrom() {
        Caller browser = Caller.session("admin");
        byte[] form = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jsonl\"\r\nContent-Type: text/plain\r\n\r\n"
                + "x".repeat(11 * 1024 * 1024) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        // The way back follows the address the form posted to, whatever page the browser says it came from.
        String knowledge = browser.pageRequest().accept("text/html").contentType("multipart/form-data; boundary=b")
                .header("Referer", "/admin/replies").body(form).post("/admin/knowledge")
                .then().statusCode(413).extract().asString();
        assertTrue(knowledge.contains("<a href=\"/admin/knowledge\" id=\"error-back\">Back to Knowledge</a>"), knowledge);
        // The admin's own menu links Replies as every page does; the way back must not lead there.
        assertFalse(knowledge.contains("href=\"/admin/replies\" id=\"error-back\""), knowledge);
        String imported = browser.pageRequest().accept("text/html").contentType("multipart/form-data; boundary=b").body(form)
                .post("/admin/import").then().statusCode(413).extract().asString();
        assertTrue(imported.contains("<a href=\"/admin/import\" id=\"error-back\">Back to Import</a>"), imported);
        // A body over the limit sent to an address with no upload form has no page to go back to.
        String other = browser.pageRequest().accept("text/html").contentType("multipart/form-data; boundary=b").body(form)
                .post("/admin/replies").then().statusCode(413).extract().asString();
        assertFalse(other.contains("error-back"), other);
    }
}
