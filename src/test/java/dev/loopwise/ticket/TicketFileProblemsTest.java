package dev.loopwise.ticket;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A ticket file with problems is refused whole, each problem named by its line (or row) in our words, and nothing is written. */
@QuarkusTest
class TicketFileProblemsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aFileWithProblemsIsRejectedWholeWithLineNumbersAndNothingIsWritten() {
        Caller admin = Caller.apiKey(keys, "admin");
        long before = TicketImportTest.countTickets();
        String csv = "text,label,split\n"
                + "a fine ticket about a refund,refund_status,train\n"
                + "\"\",refund_status,train\n"
                + "another fine one,refund_status,holdout\n"
                + "a third,,test\n";
        admin.request().contentType("text/csv").body(csv).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("invalid_file"))
                .body("error", containsString("line 3: the text is empty"))
                .body("error", containsString("line 4: split must be 'train' or 'test'"))
                .body("error", containsString("line 5: a split is given but no label"));
        // A blank line and a field over two lines before the bad row: the line is the file's, as an editor shows it.
        admin.request().contentType("text/csv").body("text\nfirst ticket zzz3\n\n\"\"\n").post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 4: the text is empty"));
        admin.request().contentType("text/csv").body("text\n\"two\nlines zzz3\"\n\n\"\"\n").post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 5: the text is empty"));
        // A text twice with two intents contradicts itself; twice with the same intent is a duplicate, as a stored one is.
        admin.request().contentType("text/csv").body("text,label\nwhere is my lamp zzq,track_order\nok zzq,\nwhere is my lamp zzq,refund_status\n")
                .post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 4: the same text is on line 2 with the label 'track_order' and here with 'refund_status'"));
        assertEquals(before, TicketImportTest.countTickets());
        // A text of this run alone: one an earlier run stored would be a duplicate from the start.
        String lamp = "where is my lamp zzr " + UUID.randomUUID().toString().substring(0, 8);
        try {
            admin.request().contentType("text/csv").body("text,label\n" + lamp + ",track_order\n" + lamp + ",TRACK_ORDER\n")
                    .post("/api/v1/datasets/tickets").then().statusCode(201).body("imported", equalTo(1)).body("duplicates", equalTo(1))
                    .body("repeatedInFile", equalTo(1));
            assertEquals(before + 1, TicketImportTest.countTickets());
            // Stored now: the same row again is a ticket already in the workspace, no repeat within the file.
            admin.request().contentType("text/csv").body("text,label\n" + lamp + ",track_order\n")
                    .post("/api/v1/datasets/tickets").then().statusCode(201).body("duplicates", equalTo(1)).body("repeatedInFile", equalTo(0));
        } finally {
            deleteTickets(lamp);
        }
    }

    @Test
    void jsonlImportsAndBadJsonlLinesAreNamed() {
        Caller admin = Caller.apiKey(keys, "admin");
        // Texts of this run alone: ones an earlier run stored would be duplicates.
        String tag = UUID.randomUUID().toString();
        try {
            importsAndNamesBadLines(admin, tag);
        } finally {
            deleteTickets("% " + tag);
        }
    }

    private static void importsAndNamesBadLines(Caller admin, String tag) {
        String good = "{\"text\":\"jsonl ticket one about my invoice " + tag + "\",\"label\":\"invoice_request\"}\n"
                + "{\"text\":\"jsonl ticket two, unlabelled " + tag + "\",\"source\":\"widget\"}\n";
        admin.request().contentType("application/x-ndjson").body(good.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(201).body("imported", equalTo(2));
        String bad = "{\"text\":\"fine\"}\n{\"text\": 12}\nnot json\n";
        admin.request().contentType("application/x-ndjson").body(bad.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 2: 'text' must be a string"))
                .body("error", containsString("line 3: not valid JSON"));
        admin.request().contentType("text/csv").body("label\nx\n").post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("no 'text' column"));
        // JSON lines sent as CSV: a quoting error at "line 1, column 9" would not say that the content type is what to fix.
        admin.request().contentType("text/csv").body(good.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 1: this looks like JSON lines"))
                .body("error", containsString("application/x-ndjson")).body("error", org.hamcrest.Matchers.not(containsString("quote")));
        // A "JSON" export: one array of tickets, read row by row, each problem named by its row.
        String array = "[\n  {\"text\": \"array ticket one " + tag + "\", \"label\": \"invoice_request\"},\n"
                + "  {\"text\": \"array ticket two " + tag + "\"}\n]\n";
        admin.request().contentType("application/x-ndjson").body(array.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(201).body("imported", equalTo(2)).body("labelled", equalTo(1));
        String badArray = "[\n  {\"text\": \"array ticket three " + tag + "\"},\n  {\"text\": 3}\n]\n";
        admin.request().contentType("application/x-ndjson").body(badArray.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(400).body("error", containsString("row 2: 'text' must be a string"));
        // Objects one a line, each followed by a comma (an array without its brackets): the comma is named, not Jackson's words.
        admin.request().contentType("application/x-ndjson").body(("{\"text\": \"comma " + tag + "\"},\n")
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 1: not valid JSON (a comma follows the object"))
                .body("error", org.hamcrest.Matchers.not(containsString("code 44")));
        assertEquals(2, TicketImportTest.tickets("array ticket % " + tag), "nothing of the refused files is stored");
        assertEquals(0, TicketImportTest.tickets("comma " + tag));
    }

    @Test
    void csvMistakesAreExplainedInOurWordsWithLineAndColumn() {
        Caller admin = Caller.apiKey(keys, "admin");
        long before = TicketImportTest.countTickets();
        admin.request().contentType("text/csv").body("text,label\nfine,a\n\"never closed,b\nmore,c\n").post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("(1 problem; fix it and send the file again)"))
                .body("error", containsString("line 3: a quoted field starts here and is never closed"))
                .body("error", org.hamcrest.Matchers.not(containsString("encapsulated")));
        admin.request().contentType("text/csv").body("text,label\nok,a\n\"bad\"x,b\n").post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 3, column 6: text follows a closing quote"));
        admin.request().contentType("text/csv").body("text,text,label\na,b,c\n").post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 1: the column 'text' appears more than once"));
        // In another case, as the column is read, the second would have been kept as an unread column beside the first.
        admin.request().contentType("text/csv").body("text, Text ,label\na,b,c\n").post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 1: the column 'text' appears more than once"));
        admin.request().contentType("text/csv").body("text,label\n\u200b\u202e,a\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 2"));
        String wide = "text," + IntStream.range(0, 100_000).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        admin.request().contentType("text/csv").body(wide + "\nhello" + ",x".repeat(100_000) + "\n").post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 1: the header has 100001 columns; a ticket file may have at most 200"));
        admin.request().contentType("application/x-ndjson").body("{\"text\":\"a huge number\",\"m\":1e999999}\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 1: 'm' is a number too large to keep; write it as a string"));
        byte[] spreadsheet = {'P', 'K', 3, 4, 20, 0, 0, 0, 'x', 'l', '/'};
        admin.request().contentType("text/csv").body(spreadsheet).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("binary_file")).body("error", containsString("CSV UTF-8"));
        assertEquals(before, TicketImportTest.countTickets());
    }

    @Test
    void jsonlLinesAreReadStrictlyAndValuesMustBeText() {
        Caller admin = Caller.apiKey(keys, "admin");
        long before = TicketImportTest.countTickets();
        String bad = "{\"text\":\"first\",\"text\":\"second\"}\n{\"text\":\"x\"} {}\nnot json\n{\"text\":\"half \\ud800 pair\"}\n";
        admin.request().contentType("application/x-ndjson").body(bad.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 1: not valid JSON (the key 'text' appears twice)"))
                .body("error", containsString("line 2: not valid JSON (something follows the JSON object"))
                .body("error", containsString("line 3: not valid JSON ('not' is not JSON (text goes in double quotes))"))
                .body("error", containsString("line 4: a value contains a NUL character or half of a UTF-16 surrogate pair"));
        String longColumn = "text," + "m".repeat(60_000) + "\nlong column ticket,v\nanother long column ticket,w\n";
        admin.request().contentType("text/csv").body(longColumn).post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 1: a column name has 60000 characters (at most 100)"))
                .body("error", org.hamcrest.Matchers.not(containsString("line 2")))
                .body("error", org.hamcrest.Matchers.not(containsString("line 3")));
        assertEquals(before, TicketImportTest.countTickets());
    }

    @Test
    void aColumnNameHoldingAControlOrDirectionCharacterIsRefusedWhereItIsWritten() {
        Caller admin = Caller.apiKey(keys, "admin");
        long before = TicketImportTest.countTickets();
        // Column names are shown back (the import's other columns, each ticket's kept values): a right-to-left override
        // would show them in another order than written, a bell is no name a person typed.
        admin.request().contentType("text/csv").body("text,\u202Egpj.exe\nwhere is my lantern order,v\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(400).body("code", equalTo("invalid_file"))
                .body("error", containsString("line 1: the column name 'U+202Egpj.exe' holds a control character (U+202E at character 1"))
                .body("error", containsString("rename the column"));
        admin.request().contentType("text/csv").body("text,note\u0007\nwhere is my lantern order,v\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 1: the column name 'noteU+0007' holds a control character (U+0007 at character 5)"));
        admin.request().contentType("application/x-ndjson")
                .body("{\"text\":\"where is my lantern order\"}\n{\"text\":\"my lantern is broken\",\"n\\u202Eote\":\"v\"}\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 2: the column name 'nU+202Eote' holds a control character (U+202E at character 2"))
                .body("error", org.hamcrest.Matchers.not(containsString("line 1")));
        assertEquals(before, TicketImportTest.countTickets());
    }

    @Test
    void controlCharactersAndOverLongResponsesAreRefusedByLineAndNothingIsWritten() {
        Caller admin = Caller.apiKey(keys, "admin");
        long before = TicketImportTest.countTickets();
        String csv = "text,label,response\n"
                + "a fine ticket about a lantern,solar_support,\"We can help,\tstep by step.\"\n"
                + "my lantern rings \u0007 all night,solar_support,\n"
                + "my lantern is dim,solar_support,Sorry\u001b[31m!\n"
                + "my lantern is loud,solar_support," + "r".repeat(20_001) + "\n";
        admin.request().contentType("text/csv").body(csv).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("invalid_file"))
                .body("error", containsString("line 3: the text holds a control character (U+0007 at character 18)"))
                .body("error", containsString("line 4: the response holds a control character (U+001B at character 6)"))
                .body("error", containsString("line 5: the response has 20001 characters (at most 20000)"))
                .body("error", org.hamcrest.Matchers.not(containsString("line 2")));
        admin.request().contentType("application/x-ndjson").body("{\"text\":\"fine\"}\n{\"text\":\"a \\u0008 ticket\"}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 2: the text holds a control character (U+0008 at character 3)"));
        // A label made invalid by a mark no one sees is quoted with the mark as its code: raw, it would turn the message around.
        admin.request().contentType("text/csv").body("text,label\nmy lantern is upside down,solar\u202esupport\n"
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 2: the label 'solarU+202Esupport' is refused: 'U+202E' cannot be in an intent name"))
                .body("error", org.hamcrest.Matchers.not(containsString("\u202e")));
        assertEquals(before, TicketImportTest.countTickets());
    }

    @Test
    void aTicketLongerThanServingAnswersIsRefusedByLineAndNothingIsImported() {
        Caller admin = Caller.apiKey(keys, "admin");
        long before = TicketImportTest.countTickets();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // 4,000 emoji are 4,000 characters, as serving counts them; the first line alone would be imported.
        String csv = "text,label\n"
                + "a lantern " + tag + " that fits,solar_support\n"
                + "a long lantern " + tag + " \uD83D\uDD26" + "y".repeat(3_999 - 16 - tag.length()) + ",solar_support\n"
                + "an endless lantern " + tag + " " + "z".repeat(4_001 - 20 - tag.length()) + ",solar_support\n";
        admin.request().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("invalid_file"))
                .body("error", containsString("line 4: the text has 4,001 characters, and Loopwise answers tickets of at most 4,000"
                        + " (LOOPWISE_SERVING_MAX_TEXT_LENGTH)"))
                .body("error", org.hamcrest.Matchers.not(containsString("line 3")))
                .body("error", org.hamcrest.Matchers.not(containsString("line 2")));
        assertEquals(before, TicketImportTest.countTickets(), "all or nothing: the fitting lines were not imported either");
        assertEquals(0L, TicketImportTest.tickets("%lantern " + tag + "%"));
    }

    /** Removes the tickets whose text is like the SQL pattern, which names this run's tag. */
    private static void deleteTickets(String textLike) {
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", textLike));
    }
}
