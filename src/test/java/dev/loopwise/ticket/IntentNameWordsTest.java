package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A name the Intents page refuses is refused for what is wrong with it — empty, too long, or the one character not allowed,
 * named — since the rule's "letters" read to a lead as taking ü, Arabic or an emoji too; nothing is created, and what was
 * typed stays in the form.
 */
@QuarkusTest
class IntentNameWordsTest {
    @Test
    void aRefusedNameSaysWhatToChange() {
        Caller admin = Caller.session("admin");
        String[][] cases = {
                {"   ", "Type a name for the intent"},
                {"Geschenkverpackung für Bestellungen", "'ü' cannot be in an intent name"},
                {"هدية", "starts with a letter or digit, not 'ه'"},
                {"🎁 gifts", "starts with a letter or digit, not '🎁'"},
                {"gift 🎁", "'🎁' cannot be in an intent name"},
                {"<b>hi</b>", "not '<'"},
                {"g".repeat(300), "The name has 300 characters; an intent name has at most 100"}};
        long before = intents();
        for (String[] c : cases) {
            String page = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("name", c[0]).formParam("description", "Typed with care").post("/admin/intents")
                    .then().statusCode(400).extract().asString();
            assertTrue(page.contains(c[1].replace("'", "&#39;").replace("<", "&lt;")), c[0] + ": " + page);
            assertTrue(page.contains("Typed with care"), "what was typed stays: " + c[0]);
        }
        assertTrue(admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                .formParam("name", "gift für").formParam("description", "x").post("/admin/intents")
                .then().statusCode(400).extract().asString().contains("English letters without accents (a to z)"));
        assertEquals(before, intents(), "nothing was created");
    }

    private static long intents() {
        return QuarkusTransaction.requiringNew().call(() -> Intent.count());
    }
}
