package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An id is written one way: "+1", "01" and " 1" were read as 1, so one row had many addresses and a client that padded or
 * signed its ids never learnt of it. They are refused in the address, the query and a form alike, in the same words.
 */
@QuarkusTest
class PlainIdsTest {
    /** As sent in an address (percent-escaped), and as the refusal quotes it. */
    private static final Map<String, String> NOT_PLAIN = Map.of("%2B1", "+1", "01", "01", "%201", " 1", "-1", "-1", "007", "007");

    @Inject
    ApiKeyService keys;

    @Test
    void anIdInThePathWithASignALeadingZeroOrASpaceIsRefusedSayingHowIdsAreWritten() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (var id : NOT_PLAIN.entrySet()) {
            for (String address : new String[] {"/api/v1/rounds/", "/api/v1/models/", "/api/v1/drift/replays/"}) {
                admin.request().urlEncodingEnabled(false).get(address + id.getKey()).then().statusCode(400)
                        .body("code", equalTo("bad_parameter")).body("error", equalTo((address.equals("/api/v1/models/") ? "The version"
                                : "The id") + " in the path: " + HttpMessages.notPlainNumber(id.getValue())));
            }
        }
        assertTrue(HttpMessages.notPlainNumber("+1").contains("ids are plain positive whole numbers")
                && HttpMessages.notPlainNumber("01").endsWith("write '1'."), HttpMessages.notPlainNumber("01"));
        // The plain id is read: a round of that number does not exist, which is a 404, not a refusal of how it is written.
        admin.request().get("/api/v1/rounds/99999999").then().statusCode(404);
        admin.request().get("/api/v1/rounds/099999999").then().statusCode(400)
                .body("error", equalTo("The id in the path: " + HttpMessages.notPlainNumber("099999999")));
        // Past what a long holds, it is said to be too large, not unwritten.
        for (String address : new String[] {"/api/v1/rounds/99999999999999999999", "/api/v1/models/99999999999"}) {
            admin.request().get(address).then().statusCode(400).body("code", equalTo("bad_parameter"))
                    .body("error", containsString("is too large ("));
        }
    }

    @Test
    void aVersionWrittenAsThePagesPrintItIsToldToDropTheV() {
        Caller admin = Caller.apiKey(keys, "admin");
        // The API keeps one address per version; the refusal names the one change to make.
        for (String address : new String[] {"/api/v1/models/v1", "/api/v1/models/V1"}) {
            admin.request().get(address).then().statusCode(400).body("code", equalTo("bad_parameter"))
                    .body("error", equalTo("The version in the path is written as the pages print it ('"
                            + address.substring(address.lastIndexOf('/') + 1) + "'): write the number alone, '1'."));
        }
        admin.request().contentType("application/json").post("/api/v1/models/v12/promote").then().statusCode(400)
                .body("error", containsString("('v12'): write the number alone, '12'."));
        // Ten digits are no version: writing them alone would only be refused again, so no such advice is given.
        String tooLong = admin.request().get("/api/v1/models/v9999999999").then().statusCode(400).body("code", equalTo("bad_parameter"))
                .extract().path("error");
        assertEquals("The version in the path must be a whole number, written with the digits 0 to 9, not 'v9999999999'.", tooLong);
        // A page opens the version at its own address, the query kept.
        Caller page = Caller.session("admin");
        page.pageRequest().accept("text/html").redirects().follow(false).get("/admin/models/v3?x=1").then().statusCode(301)
                .header("Location", endsWith("/admin/models/3?x=1"));
        page.pageRequest().accept("text/html").get("/admin/models/v0").then().statusCode(400);
        page.pageRequest().accept("text/html").redirects().follow(false).get("/admin/models/v9999999999").then().statusCode(400)
                .body(containsString("digits 0 to 9, not &#39;v9999999999&#39;"));
    }

    @Test
    void anIdInTheQueryIsHeldToTheSameRule() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (var id : NOT_PLAIN.entrySet()) {
            if (id.getValue().startsWith("-")) {
                continue; // a cursor below 1 keeps the paging rule's own sentence
            }
            admin.request().urlEncodingEnabled(false).get("/api/v1/rounds?before=" + id.getKey()).then().statusCode(400)
                    .body("code", equalTo("invalid_paging")).body("error", equalTo(HttpMessages.notPlainNumber(id.getValue())));
        }
        // A page's id in its query: the training run the Models page follows.
        Caller.session("admin").pageRequest().accept("text/html").urlEncodingEnabled(false).get("/admin/models?run=01").then()
                .statusCode(400).body(containsString(HttpMessages.notPlainNumber("01").replace("'", "&#39;")));
    }

    @Test
    void aPageAndAFormSayTheSame() {
        Caller page = Caller.session("admin");
        String sentence = HttpMessages.notPlainNumber("01").replace("'", "&#39;");
        String shown = page.pageRequest().accept("text/html").get("/admin/rounds/01").then().statusCode(400).extract().asString();
        assertTrue(shown.contains(sentence), shown);
        for (String typed : new String[] {"01", "+1"}) {
            String refused = page.pageRequest().accept("text/html").formParam("csrf-token", page.csrfToken()).formParam("version", typed)
                    .post("/admin/review/compare").then().statusCode(400).extract().asString();
            assertTrue(refused.contains(HttpMessages.notPlainNumber(typed).replace("'", "&#39;") + " Nothing was saved"),
                    typed + ": " + refused);
        }
    }
}
