package dev.loopwise.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.security.apikey.ApiKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A page's form sent without its security token, or with one that is not the page's, is refused as such (403) in the shape
 * the caller asked for — the product's {code, error} for a script that accepts JSON, the error page for a browser — and
 * never as a 406 for asking a page for JSON; nothing it asked for is done. With the token it goes through, whatever the
 * Accept header names.
 */
@QuarkusTest
class FormTokenRefusalTest {
    /** Well formed, as a token of another page or an older sign-in is, but not this browser's. */
    private static final String STALE = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final List<String> JSON_ACCEPTS = List.of("application/json", "application/json;q=0.9", "application/json, garbage/");

    @Inject
    EntityManager entityManager;

    @Test
    void aFormWithoutItsTokenIsAForbiddenJsonRefusalForAScript() {
        Caller admin = Caller.session("admin");
        String name = "token-json " + UUID.randomUUID();
        for (String accept : JSON_ACCEPTS) {
            for (String token : new String[] {null, STALE, ""}) {
                RequestSpecification request = admin.request().accept(accept).contentType(Endpoints.FORM).formParam("name", name);
                if (token != null) {
                    request = request.formParam("csrf-token", token);
                }
                request.post("/account/keys").then().statusCode(403).contentType(containsString("application/json"))
                        .body("code", equalTo("form_expired")).body("error", equalTo(Messages.FORM_EXPIRED));
            }
        }
        assertEquals(0, keysNamed(name), "no refused form made a key");
    }

    @Test
    void aFormWithoutItsTokenIsTheErrorPageForABrowser() {
        Caller admin = Caller.session("admin");
        String name = "token-html " + UUID.randomUUID();
        // A browser's Accept, and headers that name no type a page makes or no type at all, which RESTEasy refused (406).
        for (String accept : List.of("text/html,application/xhtml+xml,*/*;q=0.8", "application/xml", "garbage/", ";;;")) {
            for (String token : new String[] {null, STALE}) {
                RequestSpecification request = admin.request().accept(accept).contentType(Endpoints.FORM).formParam("name", name);
                if (token != null) {
                    request = request.formParam("csrf-token", token);
                }
                String page = request.post("/account/keys").then().statusCode(403).contentType(containsString("text/html"))
                        .extract().asString();
                assertTrue(page.contains("<h1>" + HttpMessages.FORM_EXPIRED_HEADING + "</h1>")
                        && page.contains(Messages.FORM_EXPIRED.replace("'", "&#39;")), accept + ": " + page);
            }
        }
        assertEquals(0, keysNamed(name), "no refused form made a key");
    }

    /**
     * Past its token, a form is held to its caller's own Accept again: a script asking for JSON alone is told 406 (the
     * page makes HTML) and nothing is made; a browser's form goes through.
     */
    @Test
    void pastItsTokenAFormIsHeldToItsCallersAccept() {
        Caller admin = Caller.session("admin");
        String refused = "token-json " + UUID.randomUUID();
        admin.request().accept("application/json").contentType(Endpoints.FORM).formParam("name", refused)
                .formParam("csrf-token", admin.csrfToken()).post("/account/keys").then().statusCode(406)
                .body("code", equalTo("not_acceptable"));
        assertEquals(0, keysNamed(refused), "the refused form made no key");
        for (String accept : List.of("text/html", "application/json, text/html;q=0.5", "*/*")) {
            String name = "token-ok " + UUID.randomUUID();
            admin.request().accept(accept).contentType(Endpoints.FORM).formParam("name", name)
                    .formParam("csrf-token", admin.csrfToken()).post("/account/keys").then().statusCode(303);
            ScratchAccounts.keyNamed(name);
            assertEquals(1, keysNamed(name), accept);
        }
    }

    /** An upload (the ticket import) is a form too: its token is checked in the same words, and nothing is imported. */
    @Test
    void anUploadWithoutItsTokenIsRefusedAndImportsNothing() {
        Caller admin = Caller.session("admin");
        String text = "token upload " + UUID.randomUUID();
        byte[] file = ("text,label\n" + text + ",track_order\n").getBytes(StandardCharsets.UTF_8);
        for (String accept : List.of("application/json", "text/html")) {
            for (String token : new String[] {null, STALE}) {
                RequestSpecification request = admin.request().accept(accept).multiPart("file", "tickets.csv", file, "text/csv");
                if (token != null) {
                    request = request.multiPart("csrf-token", token);
                }
                Response answer = request.post("/admin/import");
                assertEquals(403, answer.statusCode(), accept + " " + token + ": " + answer.asString());
                if (accept.equals("application/json")) {
                    answer.then().body("code", equalTo("form_expired")).body("error", equalTo(Messages.FORM_EXPIRED));
                } else {
                    assertTrue(answer.asString().contains(HttpMessages.FORM_EXPIRED_HEADING), answer.asString());
                }
            }
        }
        long imported = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from tickets where text = ?1").setParameter(1, text).getSingleResult()).longValue());
        assertEquals(0, imported, "no refused upload imported a ticket");
    }

    private static long keysNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.count("name", name));
    }
}
