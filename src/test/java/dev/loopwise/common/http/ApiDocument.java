package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import java.util.UUID;

/** The API document as an admin's key reads it from {@code /q/openapi}, for the tests that check what it says. */
final class ApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocument() {
    }

    /** A new admin key, named for the test that uses it (and removed with the test's scratch accounts). */
    static String adminKey(ApiKeyService keys, String purpose) {
        return ScratchAccounts.key(keys.create("admin", purpose + " " + UUID.randomUUID())).secret();
    }

    static JsonNode read(String adminKey) throws Exception {
        return JSON.readTree(given().header("Authorization", "Bearer " + adminKey).accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }
}
