package dev.loopwise.llm;

import dev.langchain4j.exception.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A rate limit the LLM announced (HTTP 429 with {@code Retry-After}): until the time it named, capped at
 * {@code loopwise.llm.max-retry-after}, no call is made and tickets are answered from the library at once. One per
 * connection, like its circuit breaker.
 */
final class LlmRateLimit {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final AtomicReference<Instant> until = new AtomicReference<>(Instant.MIN);

    /** Why a ticket got no draft while the limit held (or when the 429 that set it came back): the request's reason. */
    static final class Held extends RuntimeException {
        final Instant until;

        Held(Instant until) {
            super(LlmFailure.SLOWED_DOWN + CLOCK.format(until), null, false, false);
            this.until = until;
        }
    }

    /** When calls may be made again, while that is still to come. */
    Optional<Instant> until(Instant now) {
        Instant at = until.get();
        return at.isAfter(now) ? Optional.of(at) : Optional.empty();
    }

    /** Fails at once, without a call, while the limit holds. */
    void check(Instant now) {
        Optional<Instant> held = until(now);
        if (held.isPresent()) {
            throw new Held(held.get());
        }
    }

    /**
     * Reads a rate limit the server announced in {@code failure} and holds calls back until it ends, in a {@link Held} to
     * throw; a 429 that named no time (or one that cannot be read) is left as it was, to the retry policy and the breaker.
     */
    Optional<Held> announced(RateLimitException failure, Instant now, Duration cap) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LlmHttpClient.RetryLater later) {
                return retryAt(later.retryAfter, now, cap).map(at -> {
                    Instant held = until.accumulateAndGet(at, (a, b) -> a.isAfter(b) ? a : b);
                    return new Held(held);
                });
            }
        }
        return Optional.empty();
    }

    /**
     * When a {@code Retry-After} value lets calls start again: seconds from now, or an HTTP date (a past one is now); never
     * later than {@code cap} from now, since a server's mistake (or a year) must not switch drafting off for good.
     */
    static Optional<Instant> retryAt(String value, Instant now, Duration cap) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        Instant latest = now.plus(cap);
        if (text.chars().allMatch(Character::isDigit)) {
            // Digits beyond a long's range are a wait past any cap.
            Instant at = text.length() > 12 ? latest : now.plusSeconds(Long.parseLong(text));
            return Optional.of(at.isAfter(latest) ? latest : at);
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(latest) ? latest : at.isBefore(now) ? now : at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
