package dev.loopwise.llm;

import dev.langchain4j.exception.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A rate limit the LLM announced (HTTP 429 with {@code Retry-After}): until the time it named, capped at
 * {@code loopwise.llm.max-retry-after}, no call is made and tickets are answered from the library at once. One per
 * connection, like its circuit breaker.
 */
final class LlmRateLimit {
    /** How a hold's end is named, on the page and after {@link LlmFailure#SLOWED_DOWN}: a time of day, to the second. */
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final AtomicReference<Instant> until = new AtomicReference<>(Instant.MIN);

    /** Why a ticket got no draft while the limit held (or when the 429 that set it came back): the request's reason. */
    static final class Held extends RuntimeException {
        final Instant until;
        /** The wait the 429 asked for, uncapped; null for a ticket held back by a limit already in force. */
        final Duration asked;

        Held(Instant until, Duration asked) {
            super(LlmFailure.SLOWED_DOWN + CLOCK.format(until), null, false, false);
            this.until = until;
            this.asked = asked;
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
            throw new Held(held.get(), null);
        }
    }

    /**
     * Reads a rate limit the server announced in {@code failure} and holds calls back until it ends, in a {@link Held} to
     * throw; a 429 that named no time, one already past or one that cannot be read is left as it was, to the retry policy
     * and the breaker: a server whose clock is behind, or a gateway that always says 0, would otherwise be called by every
     * ticket without its refusals ever opening the circuit.
     */
    Optional<Held> announced(RateLimitException failure, Instant now, Duration cap) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LlmHttpClient.RetryLater later) {
                return RetryAfter.asked(later.retryAfter, later.date, now).flatMap(asked -> retryAt(asked, now, cap).map(at -> {
                    Instant held = until.accumulateAndGet(at, (a, b) -> a.isAfter(b) ? a : b);
                    return new Held(held, asked);
                }));
            }
        }
        return Optional.empty();
    }

    /**
     * When calls may start again after the wait a server {@code asked} for, if that is after {@code now}; never later than
     * {@code cap} from now, since a server's mistake (or a year) must not switch drafting off for good.
     */
    static Optional<Instant> retryAt(Duration asked, Instant now, Duration cap) {
        return !asked.isNegative() && !asked.isZero() ? Optional.of(now.plus(asked.compareTo(cap) > 0 ? cap : asked)) : Optional.empty();
    }
}
