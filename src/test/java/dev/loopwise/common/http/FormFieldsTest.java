package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.ScratchIntents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A form field sent twice, or holding bytes that are not UTF-8, is refused on the page before anything is written,
 * instead of being read as its first value or stored with replacement marks; fields a form sends as a list still repeat.
 */
@QuarkusTest
class FormFieldsTest {
    /** As a browser sends a page's form; RestAssured would otherwise name ISO-8859-1, in which %E9 is é. */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    ApiKeyService keys;

    /** The body exactly as given: RestAssured's form parameters would escape the '%' of a hand-made escape. */
    private static io.restassured.response.Response post(Caller admin, String path, String fields) {
        return admin.request().accept("text/html").contentType(FORM)
                .body("csrf-token=" + URLEncoder.encode(admin.csrfToken(), StandardCharsets.UTF_8) + "&" + fields).post(path);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotStoredAsReplacementMarks() {
        Caller admin = Caller.session("admin");
        post(admin, "/admin/intents", "name=latin_one_intent&description=Caf%E9+orders").then().statusCode(400)
                .body(containsString("The form&#39;s field &#39;description&#39; holds a"))
                .body(containsString("replacement mark where a character could not be read"))
                .body(containsString("Nothing was saved."));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName("latin_one_intent")).isEmpty(), "nothing created");
        post(admin, "/admin/intents", "name=utf_eight_intent&description=Caf%C3%A9%20orders").then().statusCode(303);
        // An intent without tickets would hold up the fine-tunes and the demo checks of later tests.
        Intent made = QuarkusTransaction.requiringNew().call(() -> Intent.findByName("utf_eight_intent")).orElseThrow();
        try {
            assertEquals("Café orders", made.description);
        } finally {
            ScratchIntents.delete(made.id);
        }
    }

    @Test
    void aFieldSentTwiceIsRefusedNotReadAsItsFirstValue() {
        Caller admin = Caller.session("admin");
        post(admin, "/admin/users", "username=twice-role&password=long-enough-pw&role=reviewer&role=admin").then().statusCode(400)
                .body(containsString("The form sends the field &#39;role&#39; 2 times, and it takes one value"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("twice-role")).isEmpty(), "nothing created");
        admin.request().accept("text/html").multiPart("csrf-token", admin.csrfToken())
                .multiPart("file", "a.csv", "text,label\ntwice uploaded one,twice_file\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("file", "b.csv", "text,label\ntwice uploaded two,twice_file\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/import").then().statusCode(400).body(containsString("field &#39;file&#39; 2 times"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName("twice_file")).isEmpty(), "nothing imported");
    }

    @Test
    void aValueWithoutAFieldNameIsRefusedAsAMalformedForm() {
        Caller admin = Caller.session("admin");
        for (String fields : List.of("username=unnamed-field&password=long-enough-pw&role=reviewer&=x",
                "username=unnamed-field&password=long-enough-pw&role=reviewer&&&=&==")) {
            post(admin, "/admin/users", fields).then().statusCode(400)
                    .body(containsString("a value without a field name")).body(containsString("name=value"));
        }
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("unnamed-field")).isEmpty(), "nothing created");
    }

    @Test
    void fieldsAFormSendsAsAListStillRepeat() {
        List<Map<String, Object>> described = JsonPath.from(Caller.apiKey(keys, "admin").request().get("/api/v1/intents").asString())
                .<Map<String, Object>>getList("").stream()
                .filter(i -> i.get("description") != null && !String.valueOf(i.get("description")).isBlank()).limit(2).toList();
        assertEquals(2, described.size(), "the demo's intents have descriptions");
        StringBuilder rows = new StringBuilder();
        for (Map<String, Object> intent : described) {
            rows.append("&id=").append(intent.get("id"))
                    .append("&name=").append(URLEncoder.encode(String.valueOf(intent.get("name")), StandardCharsets.UTF_8))
                    .append("&description=").append(URLEncoder.encode(String.valueOf(intent.get("description")), StandardCharsets.UTF_8));
        }
        post(Caller.session("admin"), "/admin/intents/all", rows.substring(1)).then().statusCode(303);
    }
}
