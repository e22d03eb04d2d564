package dev.loopwise.common.text;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bidirectional embedding, override or isolate is refused in every text sent — JSON bodies, forms, imported files —
 * naming the field, the character and its place, while Arabic and Hebrew text and their direction marks are taken.
 */
@QuarkusTest
class DirectionControlsTest {
    private static final String ARABIC = "\u0623\u064A\u0646 \u0637\u0644\u0628\u064A\u061F \u200FFH-555123";
    private static final String HEBREW = "\u05D0\u05D9\u05E4\u05D4 \u05D4\u05D7\u05D1\u05D9\u05DC\u05D4 \u05E9\u05DC\u05D9? \u200E#4411\u200F";
    /** UTF-8 said outright: RestAssured would otherwise send a form as ISO-8859-1, which has none of these characters. */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private final String tag = UUID.randomUUID().toString();

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @AfterEach
    void removeRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from imported_preferences where prompt like ?1").setParameter(1, "%" + tag + "%").executeUpdate();
            em.createNativeQuery("delete from tickets where text like ?1").setParameter(1, "%" + tag + "%").executeUpdate();
            em.createNativeQuery("delete from intents where name = ?1").setParameter(1, "dir_" + tag.substring(0, 8)).executeUpdate();
        });
    }

    @Test
    void aJsonTextFieldWithAnOverrideIsRefusedNamingItButRightToLeftTextPasses() {
        Caller admin = Caller.apiKey(keys, "admin");
        String unknown = "{\"requestId\":\"7d3c8a52-0000-0000-0000-000000000000\",\"rating\":\"down\",\"comment\":\"";
        admin.request().contentType("application/json").body(unknown + "slow \\u202Eylper\"}").post("/api/v1/feedback").then()
                .statusCode(400).body("code", equalTo("invalid_text"))
                .body("error", containsString("'comment'")).body("error", containsString("U+202E at character 6, a right-to-left override"));
        for (String text : new String[] {ARABIC, HEBREW}) {
            // Past the text rules to the unknown request: the comment itself was taken.
            admin.request().contentType("application/json; charset=UTF-8").body((unknown + text + "\"}").getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/feedback").then().statusCode(404);
        }
        admin.request().contentType("application/json").body("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi \\u2066there\"}]}")
                .post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", containsString("U+2066 at character 4, a left-to-right isolate"));
    }

    @Test
    void aFormFieldWithAnOverrideIsRefusedBeforeAnythingIsSavedOrShownAgain() {
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").contentType(FORM).formParam("name", "dir_" + tag.substring(0, 8))
                .formParam("description", "Orders \u202Edesrever").formParam("csrf-token", admin.csrfToken())
                .post("/admin/intents").then().statusCode(400).extract().asString();
        assertFalse(page.contains("\u202E"), "the character is not shown again: " + page);
        assertEquals(true, page.contains("U+202E at character 8, a right-to-left override"), page);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from intents where name = ?1").setParameter(1, "dir_" + tag.substring(0, 8)).getSingleResult()).longValue()));
        String tried = admin.pageRequest().accept("text/html").contentType(FORM).formParam("ticket", HEBREW)
                .formParam("csrf-token", admin.csrfToken()).post("/admin/models/try").then().extract().asString();
        assertFalse(tried.contains("writing direction"), tried);
    }

    @Test
    void importedFilesAreHeldToTheSameRule() {
        Caller admin = Caller.apiKey(keys, "admin");
        String good = "{\"prompt\":\"" + ARABIC + " " + tag + "\",\"chosen\":\"" + HEBREW + "\",\"rejected\":\"\u05DC\u05D0.\"}\n";
        admin.request().contentType("application/x-ndjson").body((good + "{\"prompt\":\"b " + tag + "\",\"chosen\":\"yes \u202Bno\","
                + "\"rejected\":\"no\"}\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences").then().statusCode(400)
                .body("error", containsString("line 2: the chosen reply holds a control character (U+202B at character 5, a right-to-left embedding)"));
        admin.request().contentType("application/x-ndjson").body(good.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                .then().statusCode(201).body("imported", equalTo(1));
        String csv = "text,order\n\"" + HEBREW + " " + tag + "\",A1\n\"second " + tag + "\",\"A\u202E2\"\n";
        admin.request().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets").then()
                .statusCode(400).body("error", containsString("U+202E at character 2, a right-to-left override"));
        admin.request().contentType("text/csv").body(("text\n\"" + HEBREW + " " + tag + "\"\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(201).body("imported", equalTo(1));
    }
}
