package dev.loopwise.monitoring.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behind a balancer, a background replay whose instance died is shown by the others until one of them fails it (its
 * heartbeat two minutes stale): meanwhile the replay says when its instance was last heard from and when it will be
 * marked failed, rather than "sending tickets" with a count that no longer moves. The heartbeat is written by hand into
 * a running replay's row, as a dead instance leaves it.
 */
@QuarkusTest
class SilentReplayTest {
    @Inject
    ApiKeyService keys;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'");

    @Test
    void aReplayNotHeardFromSaysSoAndWhenItWillBeMarkedFailed() throws InterruptedException {
        awaitNoReplayRunning();
        // Older than two missed beats, younger than the two minutes after which the reclaim check would fail it.
        OffsetDateTime lastHeard = OffsetDateTime.now().minusSeconds(45);
        String source = "silent-replay-" + System.nanoTime() + ".csv";
        long id = running(source, lastHeard);
        try {
            String said = "no word from the instance sending it since " + lastHeard.atZoneSameInstant(ZoneOffset.UTC).format(CLOCK)
                    + ", after 150 of 1,500 tickets — it will be marked failed at about "
                    + lastHeard.plusMinutes(2).atZoneSameInstant(ZoneOffset.UTC).format(CLOCK) + " if it does not come back";
            JsonPath api = Caller.apiKey(keys, "admin").request().get("/api/v1/drift/replays/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("running", api.getString("status"), api.prettify());
            assertEquals(said, api.getString("silence"), api.prettify());
            assertEquals(said, api.getString("said"), api.prettify());
            // The dashboard says it at once, and its poll keeps saying it.
            String page = Caller.session("admin").request().accept("text/html").get("/admin/drift").then().statusCode(200)
                    .extract().asString();
            String card = page.substring(page.indexOf("id=\"replay-" + id + "\""));
            assertTrue(card.substring(0, card.indexOf("</div>")).contains(said), card);
            String bar = card.substring(card.indexOf("<progress"), card.indexOf('>', card.indexOf("<progress")) + 1);
            assertTrue(bar.endsWith(" hidden>"), "a silent replay's bar, standing where it stopped, is hidden: " + bar);
            assertEquals(said, Caller.session("admin").request().accept("application/json").get("/admin/drift/replays/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("said"));

            // Heard from again: it is sending, and nothing is said of silence.
            QuarkusTransaction.requiringNew().run(() -> DriftReplay.<DriftReplay>findById(id).heartbeatAt = OffsetDateTime.now());
            JsonPath back = Caller.apiKey(keys, "admin").request().get("/api/v1/drift/replays/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertNull(back.getString("silence"), back.prettify());
            assertTrue(back.getString("said").startsWith("sending tickets: 150 of 1,500"), back.prettify());
            assertFalse(back.getString("said").contains("no word"), back.prettify());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> DriftReplay.deleteById(id));
        }
    }

    /** One replay runs at a time (a unique index): another test's must end before this row can say it runs. */
    private static void awaitNoReplayRunning() throws InterruptedException {
        for (int i = 0; i < 600 && QuarkusTransaction.requiringNew().call(() -> DriftReplay.count("status", DriftReplay.RUNNING)) > 0; i++) {
            Thread.sleep(500);
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> DriftReplay.count("status", DriftReplay.RUNNING)),
                "another test's replay still runs after five minutes; this one needs the single running place");
    }

    /** A replay row as the instance sending it keeps it, last heard from at {@code lastHeard}; the test removes it again. */
    private static long running(String source, OffsetDateTime lastHeard) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DriftReplay row = new DriftReplay();
            row.status = DriftReplay.RUNNING;
            row.source = source;
            row.texts = List.of("where is my order");
            row.total = 1500;
            row.sent = 150;
            row.startedBy = "test";
            row.ranOn = "elsewhere:8080";
            row.heartbeatAt = lastHeard;
            row.persist();
            return row.id;
        });
    }
}
