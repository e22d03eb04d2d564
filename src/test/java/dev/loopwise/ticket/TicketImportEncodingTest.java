package dev.loopwise.ticket;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** How an imported file's bytes are read: UTF-8 with or without its mark, UTF-16 with it; anything else is refused whole. */
@QuarkusTest
class TicketImportEncodingTest {
    @Inject
    ApiKeyService keys;

    @Test
    void utf8AndUtf16WithItsMarkAreReadAndOtherEncodingsOrGzipAreRefused() {
        Caller admin = Caller.apiKey(keys, "admin");
        String marker = "utf8 check " + UUID.randomUUID();
        byte[] windows1252 = ("text\nfine " + marker + "\ncaf\u00e9 " + marker + "\n").getBytes(StandardCharsets.ISO_8859_1);
        admin.request().contentType("text/csv").body(windows1252).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("not_utf8")).body("error", containsString("save it as UTF-8"))
                .body("error", containsString("Its first character that is not UTF-8 is on line 3"));
        assertEquals(0, TicketImportTest.tickets("%" + marker), "nothing of a refused file is stored, not even with replacement characters");

        byte[] excelCsv = ("\uFEFFtext\n" + marker + "\n").getBytes(StandardCharsets.UTF_8);
        admin.request().contentType("text/csv").body(excelCsv).post("/api/v1/datasets/tickets").then().statusCode(201);
        assertEquals(1, TicketImportTest.tickets(marker), "the mark is not part of the header, so the text column is found");

        // Excel's "Unicode Text" and Windows tools: UTF-16 with its mark, which says how to read it.
        for (Charset utf16 : List.of(StandardCharsets.UTF_16,
                StandardCharsets.UTF_16LE)) {
            String text = "caf\u00e9 " + utf16 + " " + marker;
            byte[] unicode = ("text\r\n" + text + "\r\n").getBytes(utf16);
            byte[] marked = utf16 == StandardCharsets.UTF_16LE
                    ? ByteBuffer.allocate(unicode.length + 2).put((byte) 0xFF).put((byte) 0xFE).put(unicode).array() : unicode;
            admin.request().contentType("text/csv").body(marked).post("/api/v1/datasets/tickets").then().statusCode(201)
                    .body("imported", equalTo(1));
            assertEquals(1, TicketImportTest.tickets(text));
        }
        byte[] unmarked = ("text\n" + marker + " no mark\n").getBytes(StandardCharsets.UTF_16LE);
        admin.request().contentType("text/csv").body(unmarked).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("binary_file"));
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(("text\n" + marker + " compressed\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        admin.request().contentType("text/csv").body(gzip.toByteArray()).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("code", equalTo("compressed_file")).body("error", containsString("decompress it"));
        assertEquals(0, TicketImportTest.tickets(marker + " %"), "nothing of the refused files is stored");
    }
}
