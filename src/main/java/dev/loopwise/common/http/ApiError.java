package dev.loopwise.common.http;

/** The one JSON error shape of the API: a stable machine-readable code and a sentence saying what to fix. */
public record ApiError(String code, String error) {
}
