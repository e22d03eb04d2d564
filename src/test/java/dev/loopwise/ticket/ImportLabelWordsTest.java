package dev.loopwise.ticket;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An imported label that cannot be an intent's name is refused, by its line, for what is wrong with it — too long with its
 * count, or the one character not allowed — in the words the Intents page uses, since "letters" read as taking ü or Arabic.
 */
@QuarkusTest
class ImportLabelWordsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aBadLabelIsRefusedByItsLineForWhatIsWrong() {
        Caller admin = Caller.apiKey(keys, "admin");
        long tickets = TicketImportTest.countTickets();
        long intents = intents();
        String csv = "text,label\n"
                + "I want to send the lamp back qlw1,Rücksendung\n"
                + "a present for my aunt qlw2,🎁 gifts\n"
                + "a long label qlw3," + "g".repeat(300) + "\n"
                + "a fine one qlw4,track_order\n";
        admin.request().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("invalid_file"))
                .body("error", containsString("line 2: the label 'Rücksendung' is refused: 'ü' cannot be in an intent name: it holds"
                        + " English letters without accents (a to z)"))
                .body("error", containsString("line 3: the label '🎁 gifts' is refused: an intent name starts with a letter or digit,"
                        + " not '🎁'"))
                .body("error", containsString("line 4: the label '" + "g".repeat(40) + "…' is refused: the name has 300 characters;"
                        + " an intent name has at most 100"))
                .body("error", not(containsString("line 5")))
                .body("error", not(containsString("(letters, digits")))
                // Each problem ends where the next begins: the joined list has one full stop, at its end.
                .body("error", not(containsString(".;")));
        admin.request().contentType("application/x-ndjson").body("{\"text\":\"a question in Arabic qlw5\",\"label\":\"هدية\"}\n"
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 1: the label 'هدية' is refused: an intent name starts with a letter or digit, not 'ه'"));
        assertEquals(tickets, TicketImportTest.countTickets(), "nothing was imported");
        assertEquals(intents, intents(), "no intent was created");
    }

    @Test
    void theImportPageSaysItToo() {
        Caller admin = Caller.session("admin");
        long tickets = TicketImportTest.countTickets();
        String page = admin.pageRequest().accept("text/html")
                .multiPart("file", "tickets.csv", "text,label\nwhere is my gift wrap qlw6,Geschenkverpackung für Kunden\n"
                        .getBytes(StandardCharsets.UTF_8), "text/csv")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/import").then().statusCode(400).extract().asString();
        assertTrue(page.contains("line 2: the label &#39;Geschenkverpackung für Kunden&#39; is refused: &#39;ü&#39; cannot be in an"
                + " intent name"), page);
        assertFalse(page.contains("(letters, digits"), page);
        assertEquals(tickets, TicketImportTest.countTickets(), "nothing was imported");
    }

    /** Not a label, but the same page's refusal of a file: a browser sends it by its name, so the advice is to rename it. */
    @Test
    void aCsvFileNamedAsJsonLinesIsToldToTakeTheEndingCsvOnThePage() {
        Caller admin = Caller.session("admin");
        long tickets = TicketImportTest.countTickets();
        String page = admin.pageRequest().accept("text/html")
                .multiPart("file", "tickets.jsonl", "text,label\nwhere is my gift wrap qlw7,gift_wrap\n".getBytes(StandardCharsets.UTF_8),
                        "application/octet-stream")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/import").then().statusCode(400).extract().asString();
        assertTrue(page.contains("give the file the ending .csv") && !page.contains("content type text/csv"), page);
        assertEquals(tickets, TicketImportTest.countTickets(), "nothing was imported");
    }

    private static long intents() {
        return QuarkusTransaction.requiringNew().call(() -> Intent.count());
    }
}
