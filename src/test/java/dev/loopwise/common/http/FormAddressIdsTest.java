package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An id in a form's address that names nothing (not a number, a number of no row, a negative one) is a 4xx: a page in the
 * product's layout for whoever sends the form, the error shape {code, error} for the API, never a 500.
 */
@QuarkusTest
class FormAddressIdsTest {
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final List<String> IDS = List.of("abc", "0", "-1", "99999999", "1.5");
    static final List<String> FORMS = List.of("/admin/users/ID", "/admin/users/ID/keys", "/admin/users/1/keys/ID/revoke",
            "/admin/intents/ID", "/admin/replies/ID/retire", "/admin/tickets/ID/label", "/admin/models/ID/promote",
            "/admin/models/runs/ID/cancel", "/admin/rounds/ID/cancel", "/admin/drift/actions/ID/approve",
            "/admin/drift/replays/ID/cancel", "/admin/knowledge/articles/ID/delete", "/admin/knowledge/imports/ID/cancel",
            "/admin/review/rewrites/ID", "/admin/review/items/ID/gold", "/account/keys/ID/revoke");
    static final List<String> PAGES = List.of("/admin/models/ID", "/admin/rounds/ID", "/admin/drift/replays/ID",
            "/admin/knowledge/imports/ID");

    @Inject
    ApiKeyService keys;

    @Test
    void aFormSentToABadIdIsAnsweredAPageWhateverTheSenderAccepts() {
        Caller admin = Caller.session("admin");
        for (String form : FORMS) {
            for (String id : IDS) {
                String address = form.replace("ID", id);
                // A browser names text/html; a form sent by a script (curl -d) names nothing, and is a page's form all the same.
                for (String accept : List.of(BROWSER_ACCEPT, "*/*")) {
                    Response answer = admin.pageRequest().accept(accept).formParam("csrf-token", admin.csrfToken()).post(address);
                    assertPage(answer, "POST " + address + " (Accept " + accept + ")");
                }
            }
        }
    }

    @Test
    void aPageOpenedWithABadIdIsAPage() {
        Caller admin = Caller.session("admin");
        for (String page : PAGES) {
            for (String id : IDS) {
                String address = page.replace("ID", id);
                // A browser's navigation names text/html; its other requests, and curl, name any type or none.
                for (String accept : List.of(BROWSER_ACCEPT, "*/*", "")) {
                    assertPage(admin.pageRequest().accept(accept).get(address), "GET " + address + " (Accept " + accept + ")");
                }
            }
        }
    }

    @Test
    void aClientAskingForJsonGetsTheErrorShape() {
        Caller session = Caller.session("admin");
        for (String id : IDS) {
            assertShape(session.pageRequest().accept("application/json").formParam("csrf-token", session.csrfToken())
                    .post("/admin/users/" + id), "form asking for JSON, id " + id);
            // The pages' scripts ask for JSON by name, as the progress bars do.
            assertShape(session.pageRequest().accept("application/json").get("/admin/models/runs/" + id),
                    "GET /admin/models/runs/" + id + " asking for JSON");
        }
        Caller api = Caller.apiKey(keys, "admin");
        for (String id : IDS) {
            for (String accept : List.of("text/html", "*/*")) {
                assertShape(api.request().accept(accept).contentType("application/json").body("{\"disabled\":true}")
                        .patch("/api/v1/users/" + id), "PATCH /api/v1/users/" + id + " (Accept " + accept + ")");
                assertShape(api.request().accept(accept).contentType("application/json").post("/api/v1/models/" + id + "/promote"),
                        "POST /api/v1/models/" + id + "/promote (Accept " + accept + ")");
            }
        }
    }

    @Test
    void aMissingAccountIsNamedAsThePagesNameIt() {
        Caller admin = Caller.session("admin");
        String sentence = AccountMessages.noAccount(99999999);
        for (String address : List.of("/admin/users/99999999", "/admin/users/99999999/keys")) {
            String page = admin.pageRequest().accept(BROWSER_ACCEPT).formParam("csrf-token", admin.csrfToken()).post(address)
                    .then().statusCode(404).extract().asString();
            assertTrue(page.contains(sentence), address + ": " + page);
        }
        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"disabled\":true}")
                .patch("/api/v1/users/99999999").then().statusCode(404).body("code", equalTo("not_found")).body("error", equalTo(sentence));
    }

    private static void assertPage(Response answer, String what) {
        int status = answer.statusCode();
        String body = answer.asString();
        assertTrue(status >= 400 && status < 500, what + " answered " + status + ": " + body);
        assertTrue(String.valueOf(answer.contentType()).startsWith("text/html"), what + " answered " + answer.contentType() + ": " + body);
        // The layout with its menu (a way on), and a sentence in an alert or on the error page.
        assertTrue(body.contains("action=\"/logout\"") && body.contains("<h1>"), what + " is no page in the layout: " + body);
        assertTrue(body.contains("role=\"alert\"") || body.contains("data-status=\"" + status + "\""), what + " says nothing: " + body);
    }

    private static void assertShape(Response answer, String what) {
        int status = answer.statusCode();
        assertTrue(status >= 400 && status < 500, what + " answered " + status + ": " + answer.asString());
        answer.then().contentType(containsString("application/json")).body("code", notNullValue()).body("error", notNullValue());
    }
}
