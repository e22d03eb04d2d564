package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An intent form refused for a control or invisible character says which one and where, and shows what was typed again
 * without it: echoed back, an escape code showed as garbage in the field and was sent again with the next Save.
 */
@QuarkusTest
class IntentFormEchoTest {

    @Test
    void aRefusedNewIntentNamesTheCharacterAndShowsTheRestOfWhatWasTyped() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                .formParam("name", "echo_" + tag + "\u001b[31m").formParam("description", "Wants a gift\u0007 box")
                .post("/admin/intents").then().statusCode(400).extract().asString();
        assertTrue(page.contains("cannot hold control or invisible characters") && page.contains("U+001B at character 14"), page);
        assertFalse(page.contains("\u001b") || page.contains("\u0007"), "no refused character is shown again: " + page);
        assertTrue(page.contains("value=\"echo_" + tag + "[31m\"") && page.contains(">Wants a gift box</textarea>"),
                "the rest of what was typed is kept: " + page);

        String described = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                .formParam("name", "echo_" + tag).formParam("description", "Wants a gift\u001b box")
                .post("/admin/intents").then().statusCode(400).extract().asString();
        assertTrue(described.contains("A description is one line without control or invisible characters")
                && described.contains("U+001B at character 13"), described);
        assertFalse(described.contains("\u001b"), described);
        assertTrue(described.contains(">Wants a gift box</textarea>"), described);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Intent.count("name like ?1", "echo_" + tag + "%")));
    }

    @Test
    void aRefusedRowOfTheWholeFormShowsItsTextLessTheRefusedCharacter() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Intent intent = new Intent();
            intent.name = "echo_row_" + tag;
            intent.description = "Kept as it was";
            intent.persist();
            return intent.id;
        });
        try {
            Caller admin = Caller.session("admin");
            String page = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("id", id).formParam("name", "echo_row_" + tag).formParam("description", "Changed\u0007 here")
                    .post("/admin/intents/all").then().statusCode(400).extract().asString();
            assertTrue(page.contains("U+0007 at character 8"), page);
            assertFalse(page.contains("\u0007"), page);
            assertTrue(page.contains(">Changed here</textarea>"), page);
            assertEquals("Kept as it was", QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>findById(id).description));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Intent.deleteById(id));
        }
    }
}
