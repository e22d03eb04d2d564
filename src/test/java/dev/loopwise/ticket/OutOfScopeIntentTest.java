package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The out-of-scope label is explained where a lead meets it: after the import that created it, and on Intents. */
@QuarkusTest
class OutOfScopeIntentTest {

    @Test
    void anImportThatCreatesTheOutOfScopeIntentSaysWhatItIsFor() {
        String created = ImportFormats.summary(new TicketImporter.Result(3, 0, 3, 0, 0, List.of("refund", "oos"), List.of()));
        assertTrue(created.contains("Tickets labelled oos are requests your team does not handle"), created);
        String ordinary = ImportFormats.summary(new TicketImporter.Result(3, 0, 3, 0, 0, List.of("refund"), List.of()));
        assertFalse(ordinary.contains("oos"), ordinary);
    }

    @Test
    void theIntentsPageMarksTheOutOfScopeIntentOnly() {
        String page = Caller.session("admin").pageRequest().accept("text/html").get("/admin/intents")
                .then().statusCode(200).extract().asString();
        int note = page.indexOf("class=\"muted out-of-scope-note\"");
        assertTrue(note > 0, "the demo's oos intent is explained");
        assertEquals(-1, page.indexOf("out-of-scope-note", note + 30), "once");
        int row = page.lastIndexOf("<tr>", note);
        assertTrue(page.substring(row, note).contains("value=\"oos\""), "in the oos intent's own row");
    }
}
