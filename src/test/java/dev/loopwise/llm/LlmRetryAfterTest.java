package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Retry-After is read as servers write it, in seconds or as an HTTP date, and never holds calls back past the cap. */
class LlmRetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration CAP = Duration.ofSeconds(30);

    @Test
    void secondsCountFromNow() {
        assertEquals(Optional.of(NOW.plusSeconds(2)), LlmRateLimit.retryAt("2", NOW, CAP));
        assertEquals(Optional.of(NOW.plusSeconds(7)), LlmRateLimit.retryAt(" 7 ", NOW, CAP));
        assertEquals(Optional.of(NOW), LlmRateLimit.retryAt("0", NOW, CAP));
    }

    @Test
    void anHttpDateIsThatTimeAndOneAlreadyPastIsNow() {
        assertEquals(Optional.of(Instant.parse("2026-03-02T10:00:12Z")), LlmRateLimit.retryAt("Mon, 2 Mar 2026 10:00:12 GMT", NOW, CAP));
        assertEquals(Optional.of(NOW), LlmRateLimit.retryAt("Mon, 2 Mar 2026 09:59:00 GMT", NOW, CAP));
    }

    @Test
    void aHugeWaitIsCapped() {
        assertEquals(Optional.of(NOW.plus(CAP)), LlmRateLimit.retryAt("86400", NOW, CAP));
        assertEquals(Optional.of(NOW.plus(CAP)), LlmRateLimit.retryAt("99999999999999999999999", NOW, CAP));
        assertEquals(Optional.of(NOW.plus(CAP)), LlmRateLimit.retryAt("Tue, 2 Mar 2027 10:00:00 GMT", NOW, CAP));
    }

    @Test
    void theReasonNamesTheTimeAndThePageSaysWhatToDo() {
        String reason = LlmFailure.describe(new LlmRateLimit.Held(Instant.parse("2026-03-02T10:00:12.345Z")));
        assertEquals("the LLM asked us to slow down; answering from the reply library until 10:00:12 UTC", reason);
        String said = LlmFailure.sentence(reason, new LlmSettings(true, "http://x/v1", "m", null, Duration.ofSeconds(10), 3, 0.7, null,
                "this page"));
        assertTrue(said.startsWith("The server asked Loopwise to slow down (HTTP 429 with Retry-After)") && said.contains("until 10:00:12 UTC"),
                said);
    }

    @Test
    void whatCannotBeReadNamesNoTime() {
        assertEquals(Optional.empty(), LlmRateLimit.retryAt(null, NOW, CAP));
        assertEquals(Optional.empty(), LlmRateLimit.retryAt("", NOW, CAP));
        assertEquals(Optional.empty(), LlmRateLimit.retryAt("-5", NOW, CAP));
        assertEquals(Optional.empty(), LlmRateLimit.retryAt("1.5", NOW, CAP));
        assertEquals(Optional.empty(), LlmRateLimit.retryAt("soon", NOW, CAP));
    }
}
