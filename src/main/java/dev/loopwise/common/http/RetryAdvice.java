package dev.loopwise.common.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * What an error answer tells a client about asking again. OpenAI's SDKs, and many HTTP clients, retry every 5xx (and
 * 429) with backoff unless told otherwise: {@code x-should-retry} says whether asking again can succeed at all, and
 * {@code Retry-After} how many seconds to wait when it can, so a client neither hammers a busy server nor retries what
 * only a person can fix.
 */
final class RetryAdvice {
    /** Long enough for the pool to replace connections a restarted PostgreSQL broke: "a few seconds", as the message says. */
    static final long DATABASE_SECONDS = 2;

    private RetryAdvice() {
    }

    /** {@code shouldRetry} null and {@code retryAfterSeconds} 0 send no such header. */
    static Response on(Response response, Boolean shouldRetry, long retryAfterSeconds) {
        if (retryAfterSeconds > 0) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        if (shouldRetry != null) {
            response.getHeaders().putSingle(OpenAiError.SHOULD_RETRY, String.valueOf(shouldRetry));
        }
        return response;
    }
}
