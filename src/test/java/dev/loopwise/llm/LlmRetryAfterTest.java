package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Retry-After is read as servers may write it, in seconds or as an HTTP date in any of its three forms, measured against
 * the server's own clock when it sent one; it never holds calls back past the cap, and one that asks for no wait holds
 * nothing.
 */
class LlmRetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration CAP = Duration.ofSeconds(30);

    private static Optional<Instant> retryAt(String value, String date) {
        return RetryAfter.asked(value, date, NOW).flatMap(asked -> LlmRateLimit.retryAt(asked, NOW, CAP));
    }

    @Test
    void secondsCountFromNow() {
        assertEquals(Optional.of(NOW.plusSeconds(2)), retryAt("2", null));
        assertEquals(Optional.of(NOW.plusSeconds(7)), retryAt(" 7 ", null));
        assertEquals(Optional.of(NOW.plusSeconds(5)), retryAt("0000000000005", null));
    }

    @Test
    void anHttpDateIsThatTimeInEachOfItsThreeForms() {
        Instant at = Instant.parse("2026-03-02T10:00:12Z");
        assertEquals(Optional.of(at), retryAt("Mon, 2 Mar 2026 10:00:12 GMT", null));
        assertEquals(Optional.of(at), retryAt("Mon, 02 Mar 2026 10:00:12 GMT", null));
        assertEquals(Optional.of(at), retryAt("Monday, 02-Mar-26 10:00:12 GMT", null));
        assertEquals(Optional.of(at), retryAt("Mon Mar  2 10:00:12 2026", null));
        assertEquals(Optional.of(at), retryAt("Tue, 2 Mar 2026 10:00:12 GMT", null), "a wrong weekday still means the date");
        assertEquals(Optional.of(at), retryAt("Sunday, 02-Mar-26 10:00:12 GMT", null));
    }

    @Test
    void anHttpDateIsMeasuredAgainstTheServersClock() {
        // The server's clock is a minute behind ours: it asked for 20 s, not for a time already past.
        assertEquals(Optional.of(NOW.plusSeconds(20)), retryAt("Mon, 2 Mar 2026 09:59:20 GMT", "Mon, 2 Mar 2026 09:59:00 GMT"));
        assertEquals(Optional.of(Duration.ofSeconds(20)),
                RetryAfter.asked("Mon, 2 Mar 2026 09:59:20 GMT", "Mon, 2 Mar 2026 09:59:00 GMT", NOW));
        assertEquals(Optional.of(NOW.plusSeconds(12)), retryAt("Mon, 2 Mar 2026 10:00:12 GMT", "not a date"), "else against ours");
    }

    @Test
    void noWaitOrATimeAlreadyPastHoldsNothing() {
        assertEquals(Optional.empty(), retryAt("0", null));
        assertEquals(Optional.empty(), retryAt("0000000000000", null), "zeros are 0, however many");
        assertEquals(Optional.empty(), retryAt("Mon, 2 Mar 2026 09:59:00 GMT", null));
        assertEquals(Optional.empty(), retryAt("Mon, 2 Mar 2026 10:00:00 GMT", null));
        assertEquals(Optional.empty(), retryAt("Mon, 2 Mar 2026 10:00:12 GMT", "Mon, 2 Mar 2026 10:00:12 GMT"));
    }

    @Test
    void aHugeWaitIsCapped() {
        assertEquals(Optional.of(NOW.plus(CAP)), retryAt("86400", null));
        assertEquals(Optional.of(NOW.plus(CAP)), retryAt("99999999999999999999999", null));
        assertEquals(Optional.of(NOW.plus(CAP)), retryAt("Tue, 2 Mar 2027 10:00:00 GMT", null));
    }

    @Test
    void theReasonNamesTheTimeAndThePageSaysWhatToDo() {
        String reason = LlmFailure.describe(new LlmRateLimit.Held(Instant.parse("2026-03-02T10:00:12.345Z"), null));
        assertEquals("the LLM asked us to slow down; answering from the reply library until 10:00:12 UTC", reason);
        LlmSettings settings = new LlmSettings(true, "http://x/v1", "m", null, Duration.ofSeconds(10), 3, 0.7, null, "this page");
        String said = LlmFailure.sentence(reason, settings);
        assertTrue(said.startsWith("The server asked Loopwise to slow down (HTTP 429 with Retry-After)") && said.contains("until 10:00:12 UTC"),
                said);
    }

    @Test
    void testConnectionSaysTheWaitTheServerAskedForAndHoldsNoTicket() {
        LlmRateLimit.Held held = new LlmRateLimit.Held(NOW.plus(CAP), Duration.ofSeconds(86400));
        String reason = LlmFailure.describeTested(held);
        assertEquals("the LLM is limiting requests; it asked to wait 86400 s", reason);
        String said = LlmFailure.sentence(reason, new LlmSettings(true, "http://x/v1", "m", null, Duration.ofSeconds(10), 3, 0.7, null,
                "this page"));
        assertTrue(said.startsWith("The server is limiting requests (HTTP 429) and asked to wait 86400 s")
                && !said.contains("from the library until"), said);
        assertEquals("the LLM is limiting requests; it asked to wait 3 s", LlmFailure.describeTested(new LlmRateLimit.Held(NOW,
                Duration.ofMillis(2001))), "a part of a second is waited whole");
    }

    @Test
    void whatCannotBeReadNamesNoTime() {
        assertEquals(Optional.empty(), RetryAfter.asked(null, null, NOW));
        assertEquals(Optional.empty(), RetryAfter.asked("", null, NOW));
        assertEquals(Optional.empty(), RetryAfter.asked("-5", null, NOW));
        assertEquals(Optional.empty(), RetryAfter.asked("1.5", null, NOW));
        assertEquals(Optional.empty(), RetryAfter.asked("soon", null, NOW));
        assertEquals(Optional.empty(), RetryAfter.asked("Mon, 2 Mrz 2026 10:00:12 GMT", null, NOW), "month names are English");
    }
}
