package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An LLM that answers HTTP 429 with Retry-After: no call until the time it named (capped, an HTTP date by the server's
 * clock), tickets answered from the library at once meanwhile with the reason, the circuit breaker left closed and the
 * figures not counting them as failures; a 429 without it, or asking for no wait, is a failure as before.
 */
@QuarkusTest
class LlmRateLimitTest extends FakeLlmTest {
    private static final String SLOWED = "unavailable: " + LlmFailure.SLOWED_DOWN;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    @Inject
    LlmClient client;
    @Inject
    LlmConfig config;
    @Inject
    LlmFigures figures;
    Caller api;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        api = Caller.apiKeyWithoutLimit(keys, "admin");
        llm.status = 429;
    }

    @AfterEach
    void tearDown() {
        LlmServingTest.forgetDraftedAnswers(em);
    }

    /** A fresh model name gives a fresh connection: its own circuit breaker and rate limit. */
    private void connect() {
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), null, false, 5.0, 1, 0.7, null),
                "test");
    }

    private String respond(String text) {
        JsonPath answer = api.request().contentType("application/json").body(Map.of("text", text)).post("/api/v1/respond")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("library", answer.getString("source"), answer.prettify());
        return answer.getString("llm");
    }

    /** Waits until the limit the fake server set is over (it names a second or so). */
    private void holdEnds() throws InterruptedException {
        for (int i = 0; i < 100 && client.rateLimitedUntil().isPresent(); i++) {
            Thread.sleep(50);
        }
        assertTrue(client.rateLimitedUntil().isEmpty(), "the limit ended: " + client.rateLimitedUntil());
    }

    @Test
    void rateLimitsThatSayWhenToCallAgainNeitherOpenTheCircuitNorReadAsFailuresOnceOver() throws Exception {
        llm.retryAfter = "1";
        LlmFigures.Day hourBefore = QuarkusTransaction.requiringNew().call(figures::lastHour);
        connect();
        int tickets = Math.max(1, config.circuitRequests());
        for (int i = 0; i < tickets; i++) {
            String said = respond(LlmServingTest.TICKET + " " + i);
            assertTrue(said.startsWith(SLOWED), said);
            holdEnds();
        }
        assertEquals(tickets, llm.calls.get(), "each ticket called once the limit before it was over");
        assertEquals("closed", client.circuitState());
        // Tickets held back are answered, and none of them is the LLM failing: not lately, not in the last hour.
        assertEquals(new LlmFigures.Day(tickets, 0, 0), QuarkusTransaction.requiringNew().call(figures::lately));
        LlmFigures.Day hour = QuarkusTransaction.requiringNew().call(figures::lastHour);
        assertEquals(tickets, hour.answered() - hourBefore.answered());
        assertEquals(0, hour.fellBack() - hourBefore.fellBack());
        String page = Caller.session("admin").pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract()
                .asString();
        assertFalse(page.contains("id=\"llm-rate-limit\""), page);
        assertTrue(page.contains("Now: <strong>connected"), page);
        assertFalse(page.contains("often fails"), page);
    }

    @Test
    void aRetryAfterThatAsksForNoWaitIsAFailureAsBefore() {
        llm.retryAfter = "0";
        connect();
        String said = null;
        int tickets = 0;
        while (tickets < 8 && !"unavailable: circuit open".equals(said)) {
            said = respond(LlmServingTest.TICKET + " " + tickets++);
            if (!"unavailable: circuit open".equals(said)) {
                assertEquals("unavailable: " + LlmFailure.RATE_LIMITED, said);
            }
        }
        assertEquals("unavailable: circuit open", said, "a gateway that always says 0 opens the circuit as any failing server");
        assertTrue(client.rateLimitedUntil().isEmpty());
    }

    @Test
    void anHttpDateIsMeasuredAgainstTheServersOwnClock() {
        // The server's clock is a minute behind: its date is 20 s after its own now, though 40 s before ours.
        Instant server = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        llm.date = DateTimeFormatter.RFC_1123_DATE_TIME.format(server.atOffset(ZoneOffset.UTC));
        llm.retryAfter = DateTimeFormatter.RFC_1123_DATE_TIME.format(server.plusSeconds(20).atOffset(ZoneOffset.UTC));
        connect();
        Instant before = Instant.now();
        assertTrue(respond(LlmServingTest.TICKET).startsWith(SLOWED));
        Instant after = Instant.now();
        Instant until = client.rateLimitedUntil().orElseThrow();
        assertFalse(until.isBefore(before.plusSeconds(20)) || until.isAfter(after.plusSeconds(20)), until + " is 20 s after the refusal");
    }

    @Test
    void testConnectionSaysTheWaitTheServerAskedForWithoutHoldingTicketsBack() {
        llm.retryAfter = "20";
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("enabled=on&baseUrl=" + llm.baseUrl() + "&model=fake-limited&timeoutSeconds=5&csrf-token=" + admin.csrfToken())
                .post("/admin/llm/test").then().statusCode(200).extract().asString();
        assertTrue(page.contains("The server is limiting requests (HTTP 429) and asked to wait 20 s before the next call"), page);
        assertFalse(page.contains("answered from the library until"), page);
    }

    @Test
    void noCallIsMadeBeforeRetryAfterPassesAndTheLibraryAnswersMeanwhile() throws Exception {
        llm.retryAfter = "2";
        connect();
        String first = respond(LlmServingTest.TICKET);
        Instant until = client.rateLimitedUntil().orElseThrow();
        assertEquals(SLOWED + CLOCK.format(until), first);
        llm.status = 200;
        String said = first;
        for (int i = 0; i < 100 && !said.startsWith("ok"); i++) {
            said = respond(LlmServingTest.TICKET + " " + i);
            assertTrue(said.startsWith("ok") || said.equals(first), said);
            Thread.sleep(200);
        }
        assertEquals("ok: 1 draft", said);
        assertEquals(2, llm.arrivals.size(), "one call was refused, the next answered: " + llm.arrivals);
        assertFalse(llm.arrivals.get(1).isBefore(until), "no call before " + until + ": " + llm.arrivals);
    }

    @Test
    void aRateLimitWithoutRetryAfterIsAFailureAsBefore() {
        connect();
        String said = null;
        int tickets = 0;
        while (tickets < 8 && !"unavailable: circuit open".equals(said)) {
            said = respond(LlmServingTest.TICKET + " " + tickets++);
            if (!"unavailable: circuit open".equals(said)) {
                assertEquals("unavailable: " + LlmFailure.RATE_LIMITED, said);
                assertEquals(tickets, llm.calls.get(), "each ticket calls once: nothing holds it back, and a 429 is not retried");
            }
        }
        assertEquals("unavailable: circuit open", said, "the breaker counts them");
        assertTrue(client.rateLimitedUntil().isEmpty());
    }

    @Test
    void anHttpDateIsHonouredAndShownOnThePageAndInTheMetrics() {
        Instant at = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        llm.retryAfter = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        connect();
        assertEquals(SLOWED + CLOCK.format(at), respond(LlmServingTest.TICKET));
        assertEquals(at, client.rateLimitedUntil().orElseThrow());
        String again = LlmServingTest.TICKET + " again " + UUID.randomUUID();
        assertEquals(SLOWED + CLOCK.format(at), respond(again));
        assertEquals(1, llm.calls.get(), "the second ticket made no call");
        // The log keeps the hold's end as an instant beside the reason's time of day, which names no date.
        Object logged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select llm_held_until from served_requests where text = ?1").setParameter(1, again).getSingleResult());
        assertEquals(at, logged instanceof OffsetDateTime o ? o.toInstant() : logged);
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"llm-rate-limit\"") && page.contains("no call to it until " + CLOCK.format(at)), page);
        assertTrue(page.contains("Now: <strong>slowed down: the LLM asked for fewer calls (HTTP 429)"), page);
        assertTrue(page.contains("the LLM is limiting requests: ask its provider for a higher limit"), page);
        String metrics = Caller.apiKey(keys, "admin").request().accept("text/plain").get("/q/metrics").asString();
        double left = metrics.lines().filter(l -> l.startsWith("loopwise_llm_rate_limited_seconds ")).mapToDouble(l -> Double.parseDouble(
                l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow(() -> new AssertionError(metrics));
        assertTrue(left > 0 && left <= 20, "seconds left: " + left);
    }

    @Test
    void aHugeRetryAfterIsCapped() {
        llm.retryAfter = "86400";
        connect();
        Instant before = Instant.now();
        respond(LlmServingTest.TICKET);
        Instant after = Instant.now();
        Instant until = client.rateLimitedUntil().orElseThrow();
        assertFalse(until.isBefore(before.plus(config.maxRetryAfter())) || until.isAfter(after.plus(config.maxRetryAfter())),
                until + " is " + config.maxRetryAfter() + " after the refusal");
    }
}
