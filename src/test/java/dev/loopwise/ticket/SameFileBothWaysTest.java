package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ticket file uploaded (read whole) and the same file read by a command (streamed) give the same tickets and, when it
 * has a problem, the same problem at the same line and column.
 */
@QuarkusTest
class SameFileBothWaysTest {
    /** Sends the Content-Type exactly as written: RestAssured would otherwise add a charset. */
    private static final RestAssuredConfig AS_WRITTEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject
    ApiKeyService keys;

    @TempDir
    Path dir;

    @Test
    void excelsMarkAndSeparatorLine() throws Exception {
        String tag = tag();
        String csv = "\uFEFFsep=;\r\ntext;label\r\n\"café; crème " + tag + "\";a_" + tag + "\r\n\r\n\"two\r\nlines " + tag + "\";b_" + tag + "\r\n";
        sameTickets(csv.getBytes(StandardCharsets.UTF_8), tag);
        sameProblem((csv + "x;y;z\r\n").getBytes(StandardCharsets.UTF_8), "line 7: 3 fields found");
    }

    @Test
    void crlfWithQuotedLineBreaksAndQuotes() throws Exception {
        String tag = tag();
        String csv = "text,label\r\n\"one\r\ntwo, " + tag + "\",a_" + tag + "\r\nthree " + tag + ",b_" + tag
                + "\r\n\"say \"\"hi\"\"\r\n\r\nagain " + tag + "\",a_" + tag + "\r\n";
        sameTickets(csv.getBytes(StandardCharsets.UTF_8), tag);
        sameProblem((csv + "\"bad\" quote,c\r\n").getBytes(StandardCharsets.UTF_8), "line 8, column 7: text follows a closing quote");
    }

    @Test
    void utf16WithItsMark() throws Exception {
        String tag = tag();
        String tsv = "\uFEFFtext\tlabel\r\nnaïve ünïcode " + tag + "\ta_" + tag + "\r\n\"tab\tinside " + tag + "\"\tb_" + tag + "\r\n";
        sameTickets(tsv.getBytes(StandardCharsets.UTF_16LE), tag);
        sameProblem((tsv + "\"never closed\tc\r\n").getBytes(StandardCharsets.UTF_16LE), "line 4: a quoted field starts here and is never closed");
    }

    @Test
    void aBadQuoteOnLine70000OfAGeneratedFile() throws Exception {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int line = 2; line <= 70_010; line++) {
            csv.append(line == 70_000 ? "\"the lid\" is cracked" : "parcel " + line + " is late").append(",order_late\n");
        }
        sameProblem(csv.toString().getBytes(StandardCharsets.UTF_8), "line 70000, column 11: text follows a closing quote");
    }

    /** The tickets the upload stored are the rows the command read: the same texts with the same intents. */
    private void sameTickets(byte[] file, String tag) throws Exception {
        Map<String, String> read = CliFiles.tickets(Files.write(dir.resolve("tickets.csv"), file)).stream()
                .collect(Collectors.toMap(TicketRow::text, TicketRow::label, (a, b) -> a, TreeMap::new));
        Caller.apiKey(keys, "admin").request().config(AS_WRITTEN).contentType("text/csv").body(file).post("/api/v1/datasets/tickets")
                .then().statusCode(201);
        Map<String, String> stored = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>list("text like ?1", "%" + tag + "%")
                .stream().collect(Collectors.toMap(t -> t.text, t -> t.intent.name, (a, b) -> a, TreeMap::new)));
        assertEquals(read, stored);
        assertTrue(read.size() >= 2, read.toString());
    }

    /** The upload is refused naming the problem the command names, at the same place. */
    private void sameProblem(byte[] file, String expected) throws Exception {
        Path path = Files.write(dir.resolve("broken.csv"), file);
        String byCommand = assertThrows(IllegalArgumentException.class, () -> CliFiles.tickets(path)).getMessage();
        assertTrue(byCommand.startsWith(path + ": " + expected), byCommand);
        String problem = byCommand.substring((path + ": ").length());
        String byUpload = Caller.apiKey(keys, "admin").request().config(AS_WRITTEN).contentType("text/csv").body(file)
                .post("/api/v1/datasets/tickets").then().statusCode(400).extract().path("error");
        assertTrue(byUpload.contains("): " + problem), byUpload + "\n  should name\n" + problem);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
