package dev.loopwise.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.HttpMessages;
import java.net.http.HttpResponse;

/**
 * What a command that calls a running Loopwise says when an answer is not the one it asked for: Loopwise's own sentence
 * when the answer is Loopwise's error, otherwise that something else answers at that address. Without this, a wrong key
 * measured a table of failed requests and a wrong address printed a web page or "Cannot invoke JsonNode.asText()".
 */
public final class ServerAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerAnswers() {
    }

    /** {@code response} when it succeeded; otherwise an {@link IllegalStateException} saying why in one sentence. */
    public static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(refusal(response));
        }
        return response;
    }

    /** One sentence for an answer that failed, naming the request ("GET /api/v1/models") or the address it went to. */
    public static String refusal(HttpResponse<String> response) {
        String said = loopwiseError(response.body());
        return said != null
                ? HttpMessages.refusedByLoopwise(response.request().method() + " " + response.uri().getRawPath(), response.statusCode(), said)
                : HttpMessages.notLoopwise(response.uri().toString(), response.statusCode());
    }

    /** The {@code error} of Loopwise's {@code {code, error}} answer, or null for any other body. */
    public static String loopwiseError(String body) {
        try {
            JsonNode error = body == null ? null : JSON.readTree(body);
            return error != null && error.path("code").isTextual() && error.path("error").isTextual() ? error.get("error").asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
