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
import java.net.HttpURLConnection;
import java.net.URI;
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
        HttpURLConnection download = (HttpURLConnection) URI.create("http://localhost:" + RestAssured.port
                + "/api/v1/export/preferences?format=trl").toURL().openConnection();
        try {
            download.setRequestProperty("Authorization", "Bearer " + Caller.apiKey(keys, "admin").apiKey());
            assertEquals(200, download.getResponseCode());
            BufferedReader response = new BufferedReader(new InputStreamReader(download.getInputStream(), StandardCharsets.UTF_8));
            String line = response.readLine();
            long rows = line.contains("\"stream export ") ? 1 : 0;
            // Not reading on: the export fills what the connection buffers and waits for this client.
            int held = 0;
            for (int sample = 0; sample < 40; sample++) {
                Thread.sleep(100);
                held += heldTransactions();
            }
            assertEquals(0, held, "samples in which the paused export held a transaction open");
            while ((line = response.readLine()) != null) {
                if (line.contains("\"stream export ")) {
                    rows++;
                }
            }
            assertEquals(ROWS, rows, "every row once, the file not cut off");
        } finally {
            download.disconnect();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = 'stream-export'")
                    .executeUpdate());
        }
    }

    /** Connections whose last statement was a page of the export (judgements or imported pairs) and whose transaction is still open. */
    private int heldTransactions() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                and state like 'idle in transaction%'
                and (query like '%from imported_preferences where id >%' or query like '%from judgements j join review_items i%')""")
                .getSingleResult()).intValue());
    }
}
