package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Content-Type header that names no media type is a 415 saying how to write one, on the addresses that name no body
 * type of their own too, where it failed with a 500 (a revoke, a cancel, an account's change).
 */
@QuarkusTest
class ContentTypeHeaderTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aContentTypeThatNamesNoMediaTypeIsA415SayingHowToWriteOne() {
        Caller admin = Caller.apiKey(keys, "admin");
        String[][] requests = {{"DELETE", "/api/v1/keys/999999999"}, {"POST", "/api/v1/training-runs/999999999/cancel"},
                {"PATCH", "/api/v1/users/999999999"}, {"POST", "/api/v1/models/999999999/promote"}, {"POST", "/api/v1/review/999999999/undo"}};
        for (String[] request : requests) {
            for (String header : new String[] {"garbage", "text/", ";", "a/b/c"}) {
                admin.request().header("Content-Type", header).accept("application/json").request(request[0], request[1]).then()
                        .statusCode(415).body("code", equalTo("unsupported_media_type"))
                        .body("error", containsString("The Content-Type header '" + header)) // RestAssured adds a charset
                        .body("error", containsString("names no media type"))
                        .body("error", containsString("type/subtype"));
            }
            // A media type, or none, still reaches the address (which answers for the id it does not know).
            admin.request().header("Content-Type", "application/json").accept("application/json").request(request[0], request[1]).then()
                    .statusCode(request[0].equals("PATCH") ? 400 : 404);
        }
        // A caller without the address's role is told that first; a stranger on the API only to bring a key.
        Caller.apiKey(keys, "reviewer1").request().header("Content-Type", "garbage").accept("application/json")
                .delete("/api/v1/knowledge/articles/999999999").then().statusCode(403);
        Caller.anonymous().request().header("Content-Type", "garbage").accept("application/json")
                .delete("/api/v1/knowledge/articles/999999999").then().statusCode(401);
    }

    @Test
    void anEmptyContentTypeIsReadAsLeftOut() {
        Caller admin = Caller.apiKey(keys, "admin");
        String name = "empty type " + System.nanoTime();
        // As sent, without the charset RestAssured would add (which would make the header name something).
        RestAssuredConfig asSent = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("", ContentType.TEXT).appendDefaultContentCharsetToContentTypeIfUndefined(false));
        // The JSON body is read as JSON, as without the header: the key is made.
        admin.request().config(asSent).header("Content-Type", "").accept("application/json").body("{\"name\":\"" + name + "\"}")
                .post("/api/v1/keys").then().statusCode(201).body("name", equalTo(name));
        admin.request().config(asSent).header("Content-Type", " ").accept("application/json").post("/api/v1/training-runs/999999999/cancel").then()
                .statusCode(404).body("code", equalTo("not_found"));
        admin.request().config(asSent).header("Content-Type", "").accept("application/json").body("{\"q\":")
                .post("/api/v1/knowledge/search").then().statusCode(400).body("code", equalTo("malformed_json"));
    }

    @Test
    void spaceBeforeTheParametersStillNamesTheMediaType() {
        Caller admin = Caller.apiKey(keys, "admin");
        // HTTP allows blanks around the semicolon; the address read the type as 'json ' and refused it as another one.
        for (String header : new String[] {"application/json ; charset=utf-8", "application/json\t;charset=utf-8"}) {
            String name = "spaced type " + System.nanoTime();
            admin.request().header("Content-Type", header).accept("application/json")
                    .body(("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/keys").then().statusCode(201).body("name", equalTo(name));
        }
    }
}
