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
    void aTwoDigitYearMoreThanFiftyYearsAheadIsTheLatestPastOneWithThoseDigits() {
        // RFC 9110's own example, read in March 2026: 2094 is 68 years ahead, so 1994.
        assertEquals(Optional.of(Instant.parse("1994-11-06T08:49:37Z")), RetryAfter.httpDate("Sunday, 06-Nov-94 08:49:37 GMT", NOW));
        // 2076-03-02T10:00:00Z is exactly 50 years after NOW: not more, so it stays ahead; a second later is 1976.
        assertEquals(Optional.of(Instant.parse("2076-03-02T10:00:00Z")), RetryAfter.httpDate("Monday, 02-Mar-76 10:00:00 GMT", NOW));
        assertEquals(Optional.of(Instant.parse("2076-01-15T00:00:00Z")), RetryAfter.httpDate("Wednesday, 15-Jan-76 00:00:00 GMT", NOW));
        assertEquals(Optional.of(Instant.parse("1976-03-02T10:00:01Z")), RetryAfter.httpDate("Tuesday, 02-Mar-76 10:00:01 GMT", NOW));
        assertEquals(Optional.of(Instant.parse("2069-12-31T23:59:59Z")), RetryAfter.httpDate("Tuesday, 31-Dec-69 23:59:59 GMT", NOW));
        // 29 February 2000: 2100 has no 29 February, which must not turn it into the 28th on the way back to 2000.
        assertEquals(Optional.of(Instant.parse("2000-02-29T10:00:00Z")), RetryAfter.httpDate("Tuesday, 29-Feb-00 10:00:00 GMT", NOW));
        // Read in 2070, 05 is 2105, 35 years ahead, not 2005; 2121 would be 51 years ahead, so 21 is 2021.
        Instant in2070 = Instant.parse("2070-06-01T00:00:00Z");
        assertEquals(Optional.of(Instant.parse("2105-06-01T12:00:00Z")), RetryAfter.httpDate("Friday, 01-Jun-05 12:00:00 GMT", in2070));
        assertEquals(Optional.of(Instant.parse("2021-06-01T12:00:00Z")), RetryAfter.httpDate("Tuesday, 01-Jun-21 12:00:00 GMT", in2070));
        // The four-digit forms name their year whatever the clock.
        assertEquals(Optional.of(Instant.parse("1994-11-06T08:49:37Z")), RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT", in2070));
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
    void aHoldThatHasEndedIsToldAsOver() {
        LlmSettings settings = new LlmSettings(true, "http://x/v1", "m", null, Duration.ofSeconds(10), 3, 0.7, null, "this page");
        String reason = LlmFailure.describe(new LlmRateLimit.Held(Instant.parse("2026-03-02T10:00:12.345Z"), null));
        Instant ticket = Instant.parse("2026-03-02T10:00:00Z");
        assertEquals(LlmFailure.sentence(reason, settings), LlmFailure.sentence(reason, settings, ticket, Instant.parse("2026-03-02T10:00:11Z")),
                "while it holds");
        String over = "The server asked Loopwise to slow down (HTTP 429 with Retry-After), so no call was made to it and tickets were"
                + " answered from the library until 10:00:12 UTC; that is over, and calls are made again. If it keeps happening, ask the"
                + " provider for a higher limit, or lower the drafts per ticket (each draft is one call).";
        assertEquals(over, LlmFailure.sentence(reason, settings, ticket, Instant.parse("2026-03-02T10:00:13Z")));
        assertEquals(over, LlmFailure.sentence(reason, settings, ticket, Instant.parse("2026-03-03T09:00:00Z")), "the next day");
        // Its log entry written just after the hold ended: the same hold, not one ending tomorrow.
        assertEquals(over, LlmFailure.sentence(reason, settings, Instant.parse("2026-03-02T10:00:12.500Z"),
                Instant.parse("2026-03-02T10:00:20Z")));

        // A hold past midnight: named 00:00:10, held from 23:59:50 the day before.
        String overnight = LlmFailure.describe(new LlmRateLimit.Held(Instant.parse("2026-03-03T00:00:10Z"), null));
        Instant late = Instant.parse("2026-03-02T23:59:50Z");
        assertEquals(Optional.of(Instant.parse("2026-03-03T00:00:10Z")), LlmFailure.heldUntil("00:00:10 UTC", late));
        assertTrue(LlmFailure.sentence(overnight, settings, late, Instant.parse("2026-03-02T23:59:59Z")).contains("are answered from"),
                "still holding before midnight");
        assertTrue(LlmFailure.sentence(overnight, settings, late, Instant.parse("2026-03-03T00:00:11Z")).contains("that is over"));
        // Logged with the hold's end, that instant decides, to the fraction of a second the time of day leaves out.
        Instant ends = Instant.parse("2026-03-02T10:00:12.345Z");
        assertTrue(LlmFailure.sentence(reason, settings, ticket, ends, Instant.parse("2026-03-02T10:00:12.100Z")).contains("are answered from"),
                "still holding within its last second");
        assertEquals(over, LlmFailure.sentence(reason, settings, ticket, ends, ends));
        // A 36-hour hold: its time of day comes round 12 hours after the ticket, a day before it ends.
        Instant longEnd = Instant.parse("2026-03-03T22:00:00Z");
        String longHold = LlmFailure.describe(new LlmRateLimit.Held(longEnd, null));
        assertTrue(LlmFailure.sentence(longHold, settings, ticket, longEnd, Instant.parse("2026-03-02T22:00:01Z")).contains("are answered from"));
        assertTrue(LlmFailure.sentence(longHold, settings, ticket, longEnd, longEnd).contains("that is over"));
        // Logged at 10:01:30 for a hold that ended at 10:00:12: over, not a hold ending the next day.
        assertEquals(over, LlmFailure.sentence(reason, settings, Instant.parse("2026-03-02T10:01:30Z"), ends,
                Instant.parse("2026-03-02T10:01:31Z")));
        assertEquals(LlmFailure.sentence(LlmFailure.TIMEOUT, settings), LlmFailure.sentence(LlmFailure.TIMEOUT, settings, ticket, null,
                Instant.parse("2026-03-03T09:00:00Z")));
        // Other failures read as before, whenever they are read.
        assertEquals(LlmFailure.sentence(LlmFailure.TIMEOUT, settings), LlmFailure.sentence(LlmFailure.TIMEOUT, settings, ticket,
                Instant.parse("2026-03-03T09:00:00Z")));
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
