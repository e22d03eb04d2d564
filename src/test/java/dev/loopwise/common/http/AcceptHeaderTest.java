package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The Accept header as HTTP reads it: an empty one asks for nothing in particular, as a missing one does, and a type
 * weighted {@code q=0} is one the caller does not take. Sent by a plain HTTP client, which writes the header exactly as given.
 */
@QuarkusTest
class AcceptHeaderTest {
    /** HTTP/1.1, as helpdesks call: each header goes out on its own line, exactly as given. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL base;
    @Inject
    ApiKeyService keys;

    @Test
    void anEmptyAcceptHeaderIsAnsweredAsAMissingOneIsEvenWhereTheTypeIsChosenByIt() throws Exception {
        String key = Caller.apiKey(keys, "admin").apiKey();
        // The exports pick their type by the header; an empty one failed there with a 500.
        for (String path : new String[] {"api/v1/audit?until=2000-01-01T00:00:00Z", "api/v1/export/preferences?format=kto", "api/v1/me"}) {
            for (String empty : new String[] {"", " "}) {
                HttpResponse<String> answer = get(path, key, empty);
                assertEquals(200, answer.statusCode(), path + " with Accept '" + empty + "': " + answer.body());
            }
        }
        assertTrue(get("api/v1/audit?until=2000-01-01T00:00:00Z", key, "").headers().firstValue("Content-Type").orElse("")
                .startsWith("application/x-ndjson"));
    }

    @Test
    void aTypeWeightedZeroIsNotTakenSoNothingTakenIsA406() throws Exception {
        String key = Caller.apiKey(keys, "admin").apiKey();
        for (String refused : new String[] {"*/*;q=0", "application/json;q=0", "application/json; q=0.000, text/html", "*/*; Q=0"}) {
            HttpResponse<String> answer = get("api/v1/me", key, refused);
            assertEquals(406, answer.statusCode(), refused + ": " + answer.body());
            assertTrue(answer.body().contains("\"code\":\"not_acceptable\""), answer.body());
        }
        HttpResponse<String> openAi = get("v1/models", key, "*/*;q=0");
        assertEquals(406, openAi.statusCode(), openAi.body());
        assertTrue(openAi.body().contains("\"type\":\"invalid_request_error\""), "in OpenAI's shape: " + openAi.body());
        // A weight above zero still takes the type; so does a type named beside one the caller refuses.
        assertEquals(200, get("api/v1/me", key, "application/json;q=0.5").statusCode());
        HttpResponse<String> jsonl = get("api/v1/audit?until=2000-01-01T00:00:00Z", key, "application/x-ndjson;q=0, application/jsonl");
        assertEquals(200, jsonl.statusCode(), jsonl.body());
        assertTrue(jsonl.headers().firstValue("Content-Type").orElse("").startsWith("application/jsonl"));
        // A stranger is still told only to bring a key.
        assertEquals(401, get("api/v1/me", null, "*/*;q=0").statusCode());
    }

    @Test
    void anApiAddressRefusesATypeItDoesNotAnswerInEvenWhereItsMethodReturnsAResponse() throws Exception {
        String key = Caller.apiKey(keys, "admin").apiKey();
        // review/next built its answer as a Response: XML and HTML came back as the item's Java text, a header naming
        // no type was a 500 after the item had been leased.
        for (String path : new String[] {"api/v1/review/next", "api/v1/me"}) {
            for (String odd : new String[] {"application/xml", "text/html", "garbage/", ";;;", "text/*"}) {
                HttpResponse<String> answer = get(path, key, odd);
                assertEquals(406, answer.statusCode(), path + " with Accept '" + odd + "': " + answer.body());
                assertTrue(answer.body().contains("\"code\":\"not_acceptable\""), answer.body());
            }
        }
        HttpResponse<String> openAi = get("v1/models", key, "text/html");
        assertEquals(406, openAi.statusCode(), openAi.body());
        assertTrue(openAi.body().contains("\"type\":\"invalid_request_error\""), "in OpenAI's shape: " + openAi.body());
        // JSON named among others, or any type, is still answered.
        assertEquals(200, get("api/v1/me", key, "text/html, application/json").statusCode());
        assertEquals(200, get("api/v1/me", key, "application/*").statusCode());
        assertEquals(200, get("api/v1/audit?until=2000-01-01T00:00:00Z", key, "application/jsonl").statusCode());
        assertEquals(401, get("api/v1/review/next", null, "text/html").statusCode());
    }

    private HttpResponse<String> get(String path, String key, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
