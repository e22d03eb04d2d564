package dev.loopwise.ticket;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Files as helpdesks export them, sent to the API: refused whole with nothing written, or taken as sent. */
@QuarkusTest
class HelpdeskExportImportTest {
    @Inject
    ApiKeyService keys;

    @Test
    void garbledTextAndARepeatedColumnRefuseTheFileWholeAndAnExcelFileIsTaken() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try {
            String garbled = "text\nmy cafÃ© order " + tag + "\nI donâ€™t have it " + tag + "\nfine " + tag + "\n";
            admin.request().contentType("text/csv").body(garbled.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                    .then().statusCode(400).body("code", equalTo("invalid_file"))
                    .body("error", containsString("line 2 and line 3 hold text such as 'Ã©' where 'é' was written"))
                    .body("error", containsString("Export it again as UTF-8"));
            admin.request().contentType("text/csv").body(("text,order_id,Order_ID\nhello " + tag + ",1,2\n").getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/tickets").then().statusCode(400)
                    .body("error", containsString("line 1: the column 'order_id' appears more than once in the header (also as 'Order_ID'"));
            assertEquals(0L, TicketImportTest.tickets("%" + tag + "%"), "all or nothing");
            // Excel's separator line, a header in capitals with spaces, genuine accents: taken as sent.
            String excel = "sep=;\r\n  TEXT ;Channel\r\nSÃO PAULO, loja " + tag + ";email\r\n«café» " + tag + ";chat\r\n";
            admin.request().contentType("text/csv").body(excel.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                    .then().statusCode(201).body("imported", equalTo(2)).body("otherColumns", equalTo(List.of("Channel")));
            assertEquals(1L, TicketImportTest.tickets("SÃO PAULO, loja " + tag));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", "%" + tag + "%"));
        }
    }

    @Test
    void aTableSentToThePreferenceImportAsCsvIsToldWhichTypeToSendAndWhichCommandReadsTables() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("text/csv").body("prompt,chosen,rejected\nwhere,Today.,No.\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/preferences").then().statusCode(415).body("code", equalTo("unsupported_media_type"))
                .body("error", containsString("Send it as the file itself: Content-Type application/x-ndjson"))
                .body("error", containsString("a CSV or TSV table of pairs is read by the command eval-reward"));
        // Older clients label a .csv file so.
        for (String type : List.of("text/x-csv", "text/comma-separated-values; charset=UTF-8")) {
            admin.request().contentType(type).body("prompt,chosen,rejected\nwhere,Today.,No.\n".getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(415)
                    .body("error", containsString("a CSV or TSV table of pairs is read by the command eval-reward"));
        }
        // Excel's types are a .csv from some browsers but also a workbook, which has to become CSV first.
        for (String type : List.of("application/vnd.ms-excel", "application/vnd.ms-excel.sheet.macroEnabled.12",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
            admin.request().contentType(type).body("prompt,chosen,rejected\nwhere,Today.,No.\n".getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(415)
                    .body("error", containsString("a workbook must be saved as CSV first"));
        }
        admin.request().contentType("text/csvx").body("a").post("/api/v1/datasets/preferences").then().statusCode(415)
                .body("error", not(containsString("eval-reward")));
        admin.request().contentType("application/xml").body("<x/>").post("/api/v1/datasets/preferences").then().statusCode(415)
                .body("error", equalTo("The body was sent as application/xml, which this address does not read. Send it as the file"
                        + " itself: Content-Type application/x-ndjson, one pair per line, or application/json with one array of rows."));
    }
}
