package dev.loopwise.security.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
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
 * A request carrying several Authorization headers names several keys, and which one should act would be a guess: none
 * does, and the answer says to send one. The key's own spelling of the scheme and the spaces around it are read as HTTP allows.
 */
@QuarkusTest
class AuthorizationHeadersTest {
    /** HTTP/1.1, as helpdesks call: each header goes out on its own line, exactly as given. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL base;
    @Inject
    ApiKeyService keys;

    @Test
    void severalAuthorizationHeadersAreRefusedWhicheverKeyComesFirst() throws Exception {
        String admin = Caller.apiKey(keys, "admin").apiKey();
        String reviewer = Caller.apiKey(keys, "reviewer1").apiKey();
        for (String[] headers : new String[][] {{"Bearer " + admin, "Bearer lw_not_a_key"}, {"Bearer lw_not_a_key", "Bearer " + admin},
                {"Bearer " + reviewer, "Bearer " + admin}, {"Bearer " + admin, "Bearer " + admin}}) {
            HttpResponse<String> answer = get("api/v1/me", headers);
            assertEquals(401, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("carries 2 Authorization headers (or values joined by a comma): send one"), answer.body());
            HttpResponse<String> openAi = get("v1/models", headers);
            assertEquals(401, openAi.statusCode(), openAi.body());
            assertTrue(openAi.body().contains("\"code\":\"invalid_api_key\""), "in OpenAI's shape: " + openAi.body());
        }
        // Joined into one header, as a proxy may join them, they are still two.
        HttpResponse<String> joined = get("api/v1/me", "Bearer " + admin + ", Bearer lw_not_a_key");
        assertTrue(joined.statusCode() == 401 && joined.body().contains("carries 2 Authorization headers"), joined.body());
        // Nor does one of them open the operations endpoints, which read the same keys.
        assertEquals(401, get("q/metrics", "Bearer " + admin, "Bearer lw_not_a_key").statusCode());
        // One header is read as HTTP allows it: the scheme in any case, spaces around the key.
        for (String one : new String[] {"Bearer " + admin, "bearer " + admin, "BEARER  " + admin + " "}) {
            assertEquals(200, get("api/v1/me", one).statusCode(), one);
        }
        assertEquals(200, get("q/metrics", "Bearer " + admin).statusCode());
    }

    /**
     * A client may ask to go on in HTTP/2 (Connection: Upgrade, HTTP2-Settings; Upgrade: h2c, as Java's HTTP client asks
     * on a cleartext connection's first request). The upgrade kept only the last of two Authorization headers, so the
     * second key acted: the request is answered in HTTP/1.1, and refused as any other with two.
     */
    @Test
    void severalAuthorizationHeadersAreRefusedOnARequestAskingToUpgradeToHttp2() throws Exception {
        String admin = Caller.apiKey(keys, "admin").apiKey();
        String reviewer = Caller.apiKey(keys, "reviewer1").apiKey();
        for (String path : new String[] {"api/v1/me", "v1/models"}) {
            // A new client each time: the upgrade is asked for on a connection's first request only.
            HttpClient upgrading = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            HttpResponse<String> answer = upgrading.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + reviewer).header("Authorization", "Bearer " + admin).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("carries 2 Authorization headers"), answer.body());
            assertEquals(HttpClient.Version.HTTP_1_1, answer.version(), "the upgrade is declined");
        }
        HttpResponse<String> one = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build().send(HttpRequest.newBuilder(
                URI.create(base + "api/v1/me")).header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, one.statusCode(), "one key is let in as ever: " + one.body());
    }

    private HttpResponse<String> get(String path, String... authorizations) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        for (String authorization : authorizations) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
