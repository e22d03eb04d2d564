package dev.loopwise.ticket;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.review.ScratchTickets;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A ticket file is read in the charset its Content-Type names, and refused whole when its bytes are not text in it. */
@QuarkusTest
class TicketImportCharsetTest {
    /** Sends the Content-Type exactly as written: RestAssured would otherwise add or rewrite its charset. */
    private static final RestAssuredConfig AS_WRITTEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    @Inject
    ApiKeyService keys;
    /** Ends every text a test imports, so that they can go afterwards: labelled oos, they fed later trainings. */
    private final String marker = UUID.randomUUID().toString();

    @AfterEach
    void removeImported() {
        ScratchTickets.endingWith(marker);
    }

    @Test
    void aFileInItsNamedCharsetIsStoredAsTheTextThatWasWritten() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String charset : List.of("ISO-8859-1", "windows-1252", "UTF-16", "UTF-16LE", "utf-16be")) {
            // windows-1252's € (0x80) is no character in ISO-8859-1: only the right charset reads it.
            String text = "café crème " + (charset.equals("windows-1252") ? "5 € " : "") + charset + " " + marker;
            byte[] file = ("text,label\r\n\"" + text + "\",oos\r\n").getBytes(Charset.forName(charset));
            admin.request().config(AS_WRITTEN).contentType("text/csv; charset=" + charset).body(file).post("/api/v1/datasets/tickets")
                    .then().statusCode(201).body("imported", equalTo(1));
            assertEquals(List.of(text), stored(charset + " " + marker), "read back as written, in " + charset);
        }
        String jsonl = "{\"text\":\"naïve question " + marker + "\"}\n";
        admin.request().config(AS_WRITTEN).contentType("application/x-ndjson; charset=\"UTF-16LE\"")
                .body(jsonl.getBytes(StandardCharsets.UTF_16LE)).post("/api/v1/datasets/tickets").then().statusCode(201);
        assertEquals(List.of("naïve question " + marker), stored("question " + marker));
    }

    @Test
    void bytesThatAreNotTextInTheNamedCharsetAreRefusedAndNothingIsStored() {
        Caller admin = Caller.apiKey(keys, "admin");
        byte[] utf16 = ("text\nfirst " + marker + "\nsecond " + marker + "\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] cut = Arrays.copyOf(utf16, utf16.length - 1); // a file cut short in the middle of a character
        admin.request().config(AS_WRITTEN).contentType("text/csv; charset=UTF-16LE").body(cut).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("not_in_charset"))
                .body("error", containsString("not valid UTF-16LE text")).body("error", containsString("charset=utf-8"));
        // 0x81 is one of the five bytes windows-1252 leaves unassigned.
        byte[] gap = ("text\nfirst " + marker + "\nsecond \u0081 " + marker + "\n").getBytes(StandardCharsets.ISO_8859_1);
        admin.request().config(AS_WRITTEN).contentType("text/csv; charset=windows-1252").body(gap).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("not_in_charset")).body("error", containsString("windows-1252"));
        // Declared UTF-8 (as without a charset), bytes that are not UTF-8 keep their own refusal.
        byte[] latin1 = ("text\nfirst " + marker + "\ncaf\u00e9 " + marker + "\n").getBytes(StandardCharsets.ISO_8859_1);
        admin.request().config(AS_WRITTEN).contentType("text/csv; charset=utf-8").body(latin1).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("not_utf8")).body("error", containsString("save it as UTF-8"));
        assertEquals(List.of(), stored(marker), "not even the lines before the bad one");
    }

    @Test
    void aByteOrderMarkOutranksANonUnicodeLabel() {
        Caller admin = Caller.apiKey(keys, "admin");
        String text = "café marked " + marker;
        byte[] excel = ("\uFEFFtext\n" + text + "\n").getBytes(StandardCharsets.UTF_8);
        admin.request().config(AS_WRITTEN).contentType("text/csv; charset=ISO-8859-1").body(excel).post("/api/v1/datasets/tickets")
                .then().statusCode(201).body("imported", equalTo(1));
        assertEquals(List.of(text), stored(text));
    }

    @Test
    void utf16WithoutItsMarkIsReadInTheByteOrderItWasWrittenIn() {
        Caller admin = Caller.apiKey(keys, "admin");
        // .NET's Encoding.Unicode is named "utf-16" and writes little-endian with no mark; the RFC's reading is big-endian.
        for (Charset written : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            String text = "café sans marque " + written.name() + " " + marker;
            admin.request().config(AS_WRITTEN).contentType("text/csv; charset=utf-16").body(("text\n" + text + "\n").getBytes(written))
                    .post("/api/v1/datasets/tickets").then().statusCode(201).body("imported", equalTo(1));
            assertEquals(List.of(text), stored(written.name() + " " + marker), "read back as written, in " + written.name());
        }
    }

    private static List<String> stored(String ending) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>list("text like ?1", "%" + ending).stream()
                .map(t -> t.text).toList());
    }
}
