package dev.loopwise.common;

import jakarta.ws.rs.core.Response.Status;

/** A failure the user can act on; the message comes from {@link Messages} and is shown as is. */
public class ApiException extends RuntimeException {
    public final Status status;
    public final String code;
    /** Seconds after which the client may try again, sent as {@code Retry-After}; 0: no such header. */
    public final long retryAfterSeconds;

    public ApiException(Status status, String code, String message) {
        this(status, code, message, 0);
    }

    public ApiException(Status status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(Status.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND, "not_found", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(Status.CONFLICT, code, message);
    }

    public static ApiException tooManyRequests(String code, String message) {
        return new ApiException(Status.TOO_MANY_REQUESTS, code, message);
    }

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
