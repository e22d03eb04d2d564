package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An LLM that answers HTTP 429 with Retry-After: no call until the time it named (capped), tickets answered from the
 * library at once meanwhile with the reason, and the circuit breaker left closed; a 429 without it is a failure as before.
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

    @Test
    void rateLimitsThatSayWhenToCallAgainNeverOpenTheCircuit() {
        llm.retryAfter = "0";
        connect();
        for (int i = 0; i < 8; i++) {
            String said = respond(LlmServingTest.TICKET + " " + i);
            assertTrue(said.startsWith(SLOWED), said);
        }
        assertEquals(8, llm.calls.get(), "a limit that ended at once holds no ticket back");
        assertEquals("closed", client.circuitState());
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
        assertEquals(SLOWED + CLOCK.format(at), respond(LlmServingTest.TICKET + " again"));
        assertEquals(1, llm.calls.get(), "the second ticket made no call");
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
