package dev.loopwise.ticket;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
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

    /** The one form that saves every intent at once says which intent was refused and why, and "Nothing was saved." once. */
    @Test
    void theWholeListNamesTheRefusedIntentAndSaysNothingWasSavedOnce() {
        Caller admin = Caller.session("admin");
        String emptied = saveAll(admin, "track_order", "  ");
        assertTrue(emptied.contains("&#39;track_order&#39;: Type a name for the intent"), emptied);
        String renamedOos = saveAll(admin, Intent.OUT_OF_SCOPE, "out of scope");
        assertTrue(renamedOos.contains("cannot be renamed"), renamedOos);
        assertEquals(1, renamedOos.split("Nothing was saved\\.", -1).length - 1, "said once: " + renamedOos);
    }

    /** Sends the Intents form as shown, with {@code name} typed over as {@code typed}; the refused page. */
    private static String saveAll(Caller admin, String name, String typed) {
        List<Intent> all = QuarkusTransaction.requiringNew().call(() -> Intent.listByName());
        var request = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken());
        for (Intent intent : all) {
            request = request.formParam("id", intent.id).formParam("name", intent.name.equals(name) ? typed : intent.name)
                    .formParam("description", intent.description == null ? "" : intent.description);
        }
        return request.post("/admin/intents/all").then().statusCode(greaterThanOrEqualTo(400)).extract().asString();
    }

    private static long intents() {
        return QuarkusTransaction.requiringNew().call(() -> Intent.count());
    }
}
