package dev.loopwise.common;

import jakarta.ws.rs.core.Response.Status;

/** A failure the user can act on; the message comes from {@link Messages} and is shown as is. */
public class ApiException extends RuntimeException {
    public final Status status;
    public final String code;
    /** Seconds after which the client may try again, sent as {@code Retry-After}; 0: no such header. */
    public final long retryAfterSeconds;
    /**
     * The {@code Retry-After} of a failure on our side that left nothing behind and that the next attempt need not meet
     * (a failed batch): "try again in a moment", as its message says, without leaving a client to guess its own backoff.
     */
    public static final long A_MOMENT_SECONDS = 1;

    public ApiException(Status status, String code, String message) {
        this(status, code, message, 0);
    }

    /**
     * Where in the request the mistake is, as OpenAI's errors name it ("temperature", "messages.[2].role"): its SDKs show
     * it beside the message. Null when no one field is at fault; only the OpenAI-compatible endpoint answers with it.
     */
    public final String param;
    /**
     * Whether asking again can succeed, sent as {@code x-should-retry} (OpenAI's SDKs obey it before their own rule of
     * retrying every 5xx): false for a refusal only a person can clear, so a client does not retry it with backoff for
     * nothing; null: no such header.
     */
    public final Boolean shouldRetry;

    public ApiException(Status status, String code, String message, long retryAfterSeconds) {
        this(status, code, message, retryAfterSeconds, null, null);
    }

    private ApiException(Status status, String code, String message, long retryAfterSeconds, String param, Boolean shouldRetry) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.param = param;
        this.shouldRetry = shouldRetry;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(Status.BAD_REQUEST, code, message);
    }

    /** A value the client sent that is not valid, at {@code param}. */
    public static ApiException invalidParameter(String param, String message) {
        return new ApiException(Status.BAD_REQUEST, "validation_failed", message, 0, param, null);
    }

    /** The same refusal, said to be about {@code param}: a check shared by several endpoints knows the text, not the field it came in. */
    public ApiException at(String param) {
        return new ApiException(status, code, getMessage(), retryAfterSeconds, param, shouldRetry);
    }

    /** The same refusal, saying whether asking again later can succeed ({@link #shouldRetry}). */
    public ApiException retryable(boolean clearsByItself) {
        return new ApiException(status, code, getMessage(), retryAfterSeconds, param, clearsByItself);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND, "not_found", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(Status.CONFLICT, code, message);
    }

    /** Always with {@code Retry-After}: without it, a client retries a 429 at once and is refused again. */
    public static ApiException tooManyRequests(String code, String message, long retryAfterSeconds) {
        return new ApiException(Status.TOO_MANY_REQUESTS, code, message, retryAfterSeconds);
    }

    public static ApiException rateLimited(int perMinute, long retryAfterSeconds) {
        return new ApiException(Status.TOO_MANY_REQUESTS, "rate_limited", HttpMessages.rateLimited(perMinute, retryAfterSeconds),
                retryAfterSeconds);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(Status.FORBIDDEN, "forbidden", message);
    }
}
