package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** An address whose %-escapes are not UTF-8 (Latin-1's %E9 for é) is refused, where it was read as U+FFFD marks. */
@QuarkusTest
class AddressEncodingTest {
    @Inject
    ApiKeyService keys;

    @Test
    void escapedBytesThatAreNotUtf8AreRefusedNamingThemAndUtf8OnesAreRead() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().urlEncodingEnabled(false).get("/api/v1/knowledge/search?q=caf%E9").then().statusCode(400)
                .body("code", equalTo("malformed_address")).body("error", containsString("(%E9)"))
                .body("error", containsString("encode the address as UTF-8"));
        admin.request().urlEncodingEnabled(false).get("/api/v1/keys?username=%FF%FE").then().statusCode(400)
                .body("error", containsString("(%FF%FE)"));
        admin.request().urlEncodingEnabled(false).get("/v1/models/loopwise%E9").then().statusCode(400)
                .body("error.code", equalTo("malformed_address"));
        admin.request().urlEncodingEnabled(false).get("/api/v1/knowledge/search?q=caf%C3%A9%20cr%C3%A8me").then().statusCode(200);
    }
}
