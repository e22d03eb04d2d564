package dev.loopwise.knowledge;

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
import org.junit.jupiter.api.Test;

/**
 * Behind a balancer, a background knowledge import whose instance died is shown by the others until one of them fails it
 * (its heartbeat two minutes stale): meanwhile it says when its instance was last heard from and when it will be marked
 * failed, rather than "reading its passages" with a count that no longer moves. The heartbeat is written by hand into a
 * running import's row, as a dead instance leaves it.
 */
@QuarkusTest
class SilentImportTest {
    @Inject
    ApiKeyService keys;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'");

    @Test
    void anImportNotHeardFromSaysSoAndWhenItWillBeMarkedFailed() throws InterruptedException {
        awaitNoImportRunning();
        // Older than two missed beats, younger than the two minutes after which the reclaim check would fail it.
        OffsetDateTime lastHeard = OffsetDateTime.now().minusSeconds(45);
        long id = running("silent-import-" + System.nanoTime() + ".md", lastHeard);
        try {
            String said = "no word from the instance importing it since " + lastHeard.atZoneSameInstant(ZoneOffset.UTC).format(CLOCK)
                    + ", after 120 of 400 passages — it will be marked failed at about "
                    + lastHeard.plusMinutes(2).atZoneSameInstant(ZoneOffset.UTC).format(CLOCK) + " if it does not come back";
            JsonPath api = Caller.apiKey(keys, "admin").request().get("/api/v1/knowledge/imports/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("running", api.getString("status"), api.prettify());
            assertEquals(said, api.getString("silence"), api.prettify());
            assertEquals(said, api.getString("said"), api.prettify());
            // The page says it at once, and its poll keeps saying it.
            String page = Caller.session("admin").request().accept("text/html").get("/admin/knowledge").then().statusCode(200)
                    .extract().asString();
            String box = page.substring(page.indexOf("id=\"import-" + id + "\""));
            assertTrue(box.substring(0, box.indexOf("<progress")).contains("<span class=\"job-said\">" + said + "</span>"), box);
            // Its bar, standing where it stopped, would say it is still at work: the sentence stands alone.
            assertTrue(bar(box).endsWith(" hidden>"), "the bar of a silent import is hidden: " + bar(box));
            assertEquals(said, Caller.session("admin").request().accept("application/json").get("/admin/knowledge/imports/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("said"));

            // Heard from again: it is reading, and nothing is said of silence.
            QuarkusTransaction.requiringNew().run(() -> KnowledgeImport.<KnowledgeImport>findById(id).heartbeatAt = OffsetDateTime.now());
            JsonPath back = Caller.apiKey(keys, "admin").request().get("/api/v1/knowledge/imports/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertNull(back.getString("silence"), back.prettify());
            assertEquals("reading its passages: 120 of 400", back.getString("said"), back.prettify());
            String again = Caller.session("admin").request().accept("text/html").get("/admin/knowledge").then().statusCode(200)
                    .extract().asString();
            assertFalse(again.contains("no word from"), again);
            String beating = bar(again.substring(again.indexOf("id=\"import-" + id + "\"")));
            assertTrue(beating.contains("value=\"30\"") && !beating.contains("hidden"), "at work again, its bar is back: " + beating);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> KnowledgeImport.deleteById(id));
        }
    }

    /** The opening tag of the first progress bar in {@code html}. */
    private static String bar(String html) {
        int at = html.indexOf("<progress");
        return html.substring(at, html.indexOf('>', at) + 1);
    }

    /** One import runs at a time (a unique index): another test's must end before this row can say it runs. */
    private static void awaitNoImportRunning() throws InterruptedException {
        for (int i = 0; i < 600 && QuarkusTransaction.requiringNew().call(() -> KnowledgeImport.count("status", KnowledgeImport.RUNNING)) > 0; i++) {
            Thread.sleep(500);
        }
    }

    /** An import row as the instance running it keeps it, last heard from at {@code lastHeard}; the test removes it again. */
    private static long running(String fileName, OffsetDateTime lastHeard) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeImport row = new KnowledgeImport();
            row.status = KnowledgeImport.RUNNING;
            row.fileName = fileName;
            row.contentType = "text/markdown";
            row.passages = 400;
            row.passagesDone = 120;
            row.startedBy = "test";
            row.ranOn = "elsewhere:8080";
            row.heartbeatAt = lastHeard;
            row.persist();
            return row.id;
        });
    }
}
