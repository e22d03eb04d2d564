package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's SDKs and many HTTP clients retry every 5xx with backoff unless {@code x-should-retry: false} says not to. A
 * fault nobody foresaw says so: asked again as it was, the request most likely meets it again, and a change may have been
 * saved before it. A broken database connection says the opposite, and when: the pool replaces it within seconds.
 */
class ServerFaultRetryTest {
    private static final List<String> API_PATHS = List.of("/api/v1/tickets", "/v1/chat/completions");

    @Test
    void anUnforeseenFaultTellsClientsNotToAskAgainBlindly() {
        for (String path : API_PATHS) {
            Response answer = new ErrorMapper().internal(new IllegalStateException("a fault nobody foresaw"), uri(path), jsonHeaders());
            assertEquals(500, answer.getStatus(), path);
            assertEquals("false", answer.getHeaderString(OpenAiError.SHOULD_RETRY), path);
            assertNull(answer.getHeaderString(HttpHeaders.RETRY_AFTER), path);
        }
    }

    @Test
    void aBrokenDatabaseConnectionMayBeAskedAgainAfterAFewSeconds() {
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        for (String path : API_PATHS) {
            Response answer = new ErrorMapper().internal(new IllegalStateException("could not run the query", broken), uri(path),
                    jsonHeaders());
            assertEquals(503, answer.getStatus(), path);
            assertEquals("true", answer.getHeaderString(OpenAiError.SHOULD_RETRY), path);
            assertEquals("2", answer.getHeaderString(HttpHeaders.RETRY_AFTER), path);
        }
    }

    @Test
    void aValueTheDatabaseCannotStoreIsTheClientsToFixAndSaysNothingAboutAskingAgain() {
        SQLException tooLong = new SQLException("value too long for type character varying(200)", "22001");
        Response answer = new ErrorMapper().internal(new IllegalStateException("could not store", tooLong), uri("/api/v1/tickets"),
                jsonHeaders());
        assertEquals(400, answer.getStatus());
        assertNull(answer.getHeaderString(OpenAiError.SHOULD_RETRY));
        assertNull(answer.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    /** The address alone, which is all the mapper reads of it. */
    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
            if (method.getName().equals("getPath") && (args == null || args.length == 0)) {
                return path;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    /** A client that asks for JSON, as API clients do. */
    private static HttpHeaders jsonHeaders() {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getHeaderString")) {
                        return HttpHeaders.ACCEPT.equals(args[0]) ? "application/json" : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
