package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.Messages;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Refusals made before any resource runs still say what to fix. Sent over a plain socket: HTTP clients refuse to send
 * a malformed address at all.
 */
@QuarkusTest
class HttpLayerErrorsTest {
    @TestHTTPResource("/")
    URL base;
    @jakarta.inject.Inject
    ApiKeyService keys;

    @Test
    void aMalformedAddressIsRefusedWithTheSentenceInTheShapeTheCallerReads() throws Exception {
        String api = raw("GET /api/v1/models?limit=%zz HTTP/1.1", "application/json");
        assertTrue(api.startsWith("HTTP/1.1 400") && api.contains("\"code\":\"malformed_address\"")
                && api.contains("malformed escape pair at character 22") && api.contains("'%' itself as %25"), api);
        String path = raw("GET /api/v1/mod%zzels HTTP/1.1", "application/json");
        assertTrue(path.startsWith("HTTP/1.1 400") && path.contains("malformed_address"), path);
        String openAi = raw("GET /v1/models?x=a\"b HTTP/1.1", "application/json");
        assertTrue(openAi.startsWith("HTTP/1.1 400") && openAi.contains("\"error\":{") && openAi.contains("malformed_address"), openAi);
        String page = raw("GET /review?x=%zz HTTP/1.1", "text/html,application/xhtml+xml");
        assertTrue(page.startsWith("HTTP/1.1 400") && page.contains("<html") && page.contains("Percent-encode")
                && page.contains("Content-Security-Policy"), page);
        String fine = raw("GET /q/health/ready?x=%20 HTTP/1.1", "application/json");
        assertTrue(fine.startsWith("HTTP/1.1 200"), fine);
    }

    @Test
    void aTooLongAddressOrTooLargeHeadersAreRefusedWithWhatToFix() {
        io.restassured.RestAssured.given().accept("application/json").get("/api/v1/models?q=" + "a".repeat(9000)).then().statusCode(414)
                .body("code", org.hamcrest.Matchers.equalTo("address_too_long"))
                .body("error", org.hamcrest.Matchers.containsString("at most 8,192 are accepted"));
        String page = io.restassured.RestAssured.given().accept("text/html").get("/review?q=" + "a".repeat(9000)).then().statusCode(414)
                .extract().asString();
        assertTrue(page.contains("<html") && page.contains("in the body of a POST"), page);
        io.restassured.RestAssured.given().accept("application/json").cookie("big", "b".repeat(25_000)).get("/api/v1/models").then()
                .statusCode(431).body("code", org.hamcrest.Matchers.equalTo("headers_too_large"))
                .body("error", org.hamcrest.Matchers.containsString("clear this site's cookies"));
        io.restassured.RestAssured.given().accept("application/json").get("/api/v1/models?q=" + "a".repeat(8000)).then().statusCode(401);
    }

    @Test
    void aRepeatedQueryParameterIsRefusedRatherThanOneOfItsValuesPickedSilently() {
        io.restassured.RestAssured.given().accept("application/json").get("/api/v1/models?limit=1&limit=500").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("repeated_parameter"))
                .body("error", org.hamcrest.Matchers.containsString("'limit' is given 2 times: give it once"));
        io.restassured.RestAssured.given().accept("application/json").get("/v1/models?x=1&x=2").then().statusCode(400)
                .body("error.code", org.hamcrest.Matchers.equalTo("repeated_parameter"));
        io.restassured.RestAssured.given().accept("application/json").get("/q/health/ready?limit=1").then().statusCode(200);
    }

    @Test
    void aControlCharacterInThePathIsRefusedBeforeAResourceLooksANameUpWithIt() {
        io.restassured.RestAssured.given().urlEncodingEnabled(false).accept("application/json").get("/api/v1/users/admin%00x/keys")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("malformed_address"))
                .body("error", org.hamcrest.Matchers.containsString("control character once decoded (U+0000 at character 20)"));
    }

    @Test
    void aControlCharacterInTheQueryIsRefusedBeforeAnyResourceOrTheDatabaseReadsIt() {
        io.restassured.RestAssured.given().urlEncodingEnabled(false).accept("application/json").get("/api/v1/tickets?q=shoe%00s")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid_parameter"))
                .body("error", org.hamcrest.Matchers.containsString("'q' holds a control character (U+0000 at character 5)"));
        io.restassured.RestAssured.given().urlEncodingEnabled(false).accept("application/json").get("/api/v1/tickets?q%1B=1")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("name holds a control character (U+001B"));
        // A tab pasted into a search box is text, not a mistake.
        io.restassured.RestAssured.given().urlEncodingEnabled(false).accept("application/json").get("/api/v1/tickets?q=a%09b")
                .then().statusCode(401);
    }

    @Test
    void aCompressedBodyIsRefusedWithA415() {
        io.restassured.RestAssured.given().header("Content-Encoding", "gzip").contentType("application/json")
                .body(new byte[] {0x1f, (byte) 0x8b, 8, 0}).post("/api/v1/respond").then().statusCode(415)
                .body("code", org.hamcrest.Matchers.equalTo("unsupported_encoding"))
                .body("error", org.hamcrest.Matchers.containsString("send it uncompressed"));
    }

    @Test
    void optionsNamesTheMethodsAnAddressTakesAndOnlyForAddressesThatExist() throws Exception {
        String key = "*/*\r\nAuthorization: Bearer " + ScratchAccounts.key(keys.create("admin", "options " + UUID.randomUUID())).secret();
        String respond = raw("OPTIONS /api/v1/respond HTTP/1.1", key);
        assertTrue(respond.startsWith("HTTP/1.1 204") && respond.contains("Allow: POST, OPTIONS"), respond);
        String me = raw("OPTIONS /api/v1/me HTTP/1.1", key);
        assertTrue(me.contains("Allow: GET, HEAD, OPTIONS"), me);
        String none = raw("OPTIONS /api/v1/nonexistent HTTP/1.1", key);
        assertTrue(none.startsWith("HTTP/1.1 404") && none.contains("\"code\":\"not_found\""), none);
        // A stranger is told nothing of either: the same 401 whether the address exists or not.
        for (String address : new String[] {"/api/v1/respond", "/api/v1/nonexistent", "/v1/chat/completions"}) {
            String stranger = raw("OPTIONS " + address + " HTTP/1.1", "*/*");
            assertTrue(stranger.startsWith("HTTP/1.1 401") && !stranger.contains("Allow:"), stranger);
        }
    }

    @Test
    void aStrangerAtTheMetricsIsToldToBringAKey() throws Exception {
        String metrics = raw("GET /q/metrics HTTP/1.1", "*/*");
        assertTrue(metrics.startsWith("HTTP/1.1 401") && metrics.contains("WWW-Authenticate: Bearer realm=\"loopwise\"")
                && metrics.contains("\"code\":\"unauthenticated\"") && metrics.contains(Messages.UNAUTHENTICATED), metrics);
        String browser = raw("GET /q/metrics HTTP/1.1", "text/html");
        assertTrue(browser.startsWith("HTTP/1.1 302") && browser.contains("location: /login"), browser);
    }

    private String raw(String requestLine, String accept) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) got.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                got.write("[TIMEOUT]".getBytes());
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}
