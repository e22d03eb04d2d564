package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preference export as a download: named by format and day, and read a page at a time without holding a transaction. */
@QuarkusTest
class PreferenceExportStreamTest {
    private static final int ROWS = 2 * PreferenceExchange.PAGE + 7;

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void theFileIsNamedByItsFormatAndTheDay() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String format : List.of("trl", "kto", "trl-chat", "kto-chat")) {
            String before = LocalDate.now(ZoneOffset.UTC).toString();
            String header = admin.request().get("/api/v1/export/preferences?format=" + format).then().statusCode(200)
                    .extract().header("Content-Disposition");
            String after = LocalDate.now(ZoneOffset.UTC).toString();
            assertTrue(header.equals("attachment; filename=\"loopwise-" + format + "-" + before + ".jsonl\"")
                    || header.equals("attachment; filename=\"loopwise-" + format + "-" + after + ".jsonl\""), header);
        }
        String download = Caller.session("admin").request().get("/admin/exports/preferences?format=kto").then().statusCode(200)
                .extract().header("Content-Disposition");
        assertTrue(download.startsWith("attachment; filename=\"loopwise-kto-20"), download);
    }

    /**
     * A client that stops reading halfway (a slow link, a paused download) must not keep a transaction open: one around the
     * whole download held its connection that long and the transaction timeout rolled it back a minute in, cutting the file.
     */
    @Test
    void aPausedDownloadHoldsNoTransactionAndEndsWhole() throws Exception {
        String reply = "We will look into it. ".repeat(150);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into imported_preferences (prompt, chosen, rejected, batch, pair_hash)
                select 'stream export ' || g, 'Chosen ' || g || ' ' || ?2, 'Rejected ' || g || ' ' || ?2, 'stream-export',
                       'stream-export-' || g
                from generate_series(1, ?1) g""").setParameter(1, ROWS).setParameter(2, reply).executeUpdate());
        try (Socket socket = new Socket()) {
            // A small window, so the export fills what the connection buffers and waits for this client to read on.
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", RestAssured.port));
            // HTTP/1.0: the body comes as written, without chunk sizes between its lines, and ends when the server closes.
            socket.getOutputStream().write(("GET /api/v1/export/preferences?format=trl HTTP/1.0\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Caller.apiKey(keys, "admin").apiKey() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1024);
            assertTrue(response.readLine().contains(" 200 "));
            int held = 0;
            for (int sample = 0; sample < 40; sample++) {
                Thread.sleep(100);
                held += heldTransactions();
            }
            assertEquals(0, held, "samples in which the paused export held a transaction open");
            long rows = response.lines().filter(line -> line.startsWith("{\"prompt\":\"stream export ")).count();
            assertEquals(ROWS, rows, "every row once, the file not cut off");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = 'stream-export'")
                    .executeUpdate());
        }
    }

    /**
     * Connections of this database idle in a transaction opened over a second ago. Not by their last statement: after the
     * export's page query the driver reads the columns' types, and that is what the connection shows last.
     */
    private int heldTransactions() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                and state like 'idle in transaction%' and xact_start < now() - interval '1 second'""")
                .getSingleResult()).intValue());
    }
}
