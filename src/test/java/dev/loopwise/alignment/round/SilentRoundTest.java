package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.RoundMessages;
import dev.loopwise.model.ActiveModel;
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
 * A round whose instance died looks under way until another instance fails it (its heartbeat two minutes stale, by
 * default): meanwhile its page, the API and Overview say when that instance was last heard from and when the round will be
 * marked failed, in place of a step and bar that would sit still. The heartbeat is written by hand into a running round's
 * row, as a dead instance leaves it.
 */
@QuarkusTest
class SilentRoundTest {
    @Inject
    ApiKeyService keys;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'");

    @Test
    void aRoundNotHeardFromSaysSoAndWhenItWillBeMarkedFailed() throws InterruptedException {
        int active = ActiveModel.await();
        awaitNoRoundUnderWay();
        long id = RoundRows.queued(RoundSettings.REWARD_WEIGHTED, null);
        try {
            RoundRows.run(id, active);
            // Older than two missed beats, younger than the two minutes after which the reclaim check would fail it.
            OffsetDateTime lastHeard = OffsetDateTime.now().minusSeconds(45);
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.<AlignmentRound>findById(id).heartbeatAt = lastHeard);
            String since = lastHeard.atZoneSameInstant(ZoneOffset.UTC).format(CLOCK);
            String failsAt = lastHeard.plusMinutes(2).atZoneSameInstant(ZoneOffset.UTC).format(CLOCK);
            String said = "No word from the instance running it since " + since + " — it will be marked failed at about " + failsAt
                    + " if it does not come back. The active version keeps answering customers meanwhile.";

            JsonPath api = Caller.apiKey(keys, "admin").request().get("/api/v1/rounds/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals("running", api.getString("status"), api.prettify());
            assertEquals(said, api.getString("silence"), api.prettify());
            // The page says it in place of the bar, and its poll keeps saying it.
            String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + id).then().statusCode(200)
                    .extract().asString();
            String run = page.substring(page.indexOf("id=\"round-run\""), page.indexOf("id=\"round-cancel\""));
            assertTrue(run.contains("<p id=\"round-silent\" class=\"alert warning\" role=\"status\">" + said + "</p>"), run);
            assertTrue(run.contains("aria-label=\"How far round " + id + " is\" hidden>"), "the bar that would sit still is hidden: " + run);
            assertEquals(said, Caller.session("admin").request().accept("application/json").get("/admin/rounds/" + id + "/progress")
                    .then().statusCode(200).extract().jsonPath().getString("silence"));
            // Overview names the round under way as silent, not as running.
            String overview = text(firstWeek());
            assertTrue(overview.contains("Round " + id + " is running, but no word from the instance running it since " + since
                    + " — it will be marked failed at about " + failsAt + " if it does not come back."), overview);
            assertFalse(overview.contains(RoundMessages.underWay(id, true)), overview);

            // Heard from again: the bar is back, and nothing is said.
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.<AlignmentRound>findById(id).heartbeatAt = OffsetDateTime.now());
            assertNull(Caller.apiKey(keys, "admin").request().get("/api/v1/rounds/" + id).then().statusCode(200).extract().jsonPath()
                    .getString("silence"));
            String back = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + id).then().statusCode(200)
                    .extract().asString();
            assertTrue(back.contains("<p id=\"round-silent\" class=\"alert warning\" role=\"status\" hidden></p>")
                    && back.contains("aria-label=\"How far round " + id + " is\"></progress>"), back);
            assertTrue(text(firstWeek()).contains(RoundMessages.underWay(id, true)));
        } finally {
            RoundRows.remove(id);
        }
    }

    /** One round runs at a time (a unique index), and Overview names the newest under way: others must have ended first. */
    private static void awaitNoRoundUnderWay() throws InterruptedException {
        for (int i = 0; i < 600 && QuarkusTransaction.requiringNew().call(() -> AlignmentRound.count("status in ?1",
                List.of(AlignmentRound.RUNNING, AlignmentRound.QUEUED))) > 0; i++) {
            Thread.sleep(500);
        }
    }

    private static String firstWeek() {
        String html = Caller.session("admin").request().accept("text/html").get("/admin").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"first-week\"");
        return html.substring(at, html.indexOf("</section>", at));
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&").trim();
    }
}
