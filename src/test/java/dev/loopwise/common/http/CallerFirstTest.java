package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.common.Messages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * On the API, who calls is settled first: a stranger or a bad key gets the same 401 whatever the request, where a body
 * too large or of the wrong type, a wrong method or an unknown address would tell which addresses exist and what they
 * take; a caller with a key still gets those answers.
 */
@QuarkusTest
class CallerFirstTest {
    private static final byte[] HUGE = ("{\"username\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    @Inject
    ApiKeyService keys;

    @Test
    void aStrangerGetsA401BeforeTheBodyIsJudgedAndACallerWithAKeyGetsTheReason() {
        Caller admin = Caller.apiKey(keys, "admin");
        // The wrong content type.
        given().contentType("text/plain").body("hello").post("/api/v1/users").then().statusCode(401)
                .body("code", equalTo("unauthenticated")).body("error", equalTo(Messages.UNAUTHENTICATED))
                .header("WWW-Authenticate", containsString("Bearer"));
        admin.request().contentType("text/plain").body("hello").post("/api/v1/users").then().statusCode(415)
                .body("code", equalTo("unsupported_media_type"));
        // A body past the limit, with its length announced, and sent in chunks without one.
        given().contentType("application/json").body(HUGE).post("/api/v1/users").then().statusCode(401)
                .body("code", equalTo("unauthenticated"));
        given().contentType("application/json").body(new ByteArrayInputStream(HUGE)).post("/api/v1/users").then()
                .statusCode(401).body("code", equalTo("unauthenticated"));
        admin.request().contentType("application/json").body(HUGE).post("/api/v1/users").then().statusCode(413)
                .body("code", equalTo("payload_too_large"));
        // A key that is not valid is told so, before the body too.
        given().header("Authorization", "Bearer lw_not_a_key").contentType("text/plain").body("hello").post("/api/v1/users").then()
                .statusCode(401).body("error", equalTo(Messages.BAD_API_KEY));
        // The OpenAI-compatible path answers in OpenAI's shape, which SDKs read.
        given().contentType("application/json").body(HUGE).post("/v1/chat/completions").then().statusCode(401)
                .body("error.code", equalTo("invalid_api_key"));
        admin.request().contentType("text/plain").body("hi").post("/v1/chat/completions").then().statusCode(415);
        // Addresses and methods are not told either.
        given().get("/api/v1/no-such-thing").then().statusCode(401);
        admin.request().get("/api/v1/no-such-thing").then().statusCode(404).body("code", equalTo("not_found"));
        given().put("/api/v1/users").then().statusCode(401);
        admin.request().put("/api/v1/users").then().statusCode(405);
        // A page still sends a stranger to sign in, and a caller with a key is answered as before.
        given().redirects().follow(false).accept("text/html").get("/admin").then().statusCode(303)
                .header("Location", containsString("/login"));
        admin.request().get("/api/v1/me").then().statusCode(200);
    }
}
