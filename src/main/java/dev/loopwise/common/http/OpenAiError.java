package dev.loopwise.common.http;

/**
 * OpenAI's error shape, {"error": {"message", "type", "param", "code"}}, answered on the OpenAI-compatible paths only: OpenAI
 * SDKs read the message from there and would otherwise report a bare status.
 */
public record OpenAiError(Detail error) {
    /**
     * The header OpenAI's SDKs read before deciding to retry: "false" stops them, where by default they retry every 5xx
     * (and 408, 409, 429) several times with backoff.
     */
    public static final String SHOULD_RETRY = "x-should-retry";

    /** {@code param}: the request field at fault, or null; OpenAI sends the key either way, and SDKs read it. */
    public record Detail(String message, String type, String param, String code) {
    }

    static OpenAiError of(int status, String code, String message) {
        return of(status, code, message, null);
    }

    static OpenAiError of(int status, String code, String message, String param) {
        // A missing or wrong key is OpenAI's invalid_api_key, an invalid_request_error: SDKs and bots look for that code
        // to tell "fix the key" from every other refusal.
        if (status == 401) {
            return new OpenAiError(new Detail(message, "invalid_request_error", param, "invalid_api_key"));
        }
        String type = switch (status) {
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
        return new OpenAiError(new Detail(message, type, param, code));
    }
}
