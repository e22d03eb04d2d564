package dev.loopwise.alignment.preference;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The preference import's example file in Swagger UI, sent as Try it out sends it, is one the import takes. */
@QuarkusTest
class PreferenceImportExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void theExampleFileImports() throws Exception {
        String adminKey = ScratchAccounts.key(keys.create("admin", "preference example " + UUID.randomUUID())).secret();
        JsonNode file = JSON.readTree(given().header("Authorization", "Bearer " + adminKey).accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString()).at("/paths/~1api~1v1~1datasets~1preferences/post/requestBody/content");
        for (String type : List.of("application/x-ndjson", "application/jsonl", "application/json-lines", "text/plain")) {
            assertTrue(file.path(type).path("example").asText("").contains("\"chosen\""), type + ": " + file.path(type));
        }
        assertTrue(file.path("application/json").path("example").isArray(), file.path("application/json").toString());
        Map<String, String> sent = Map.of("application/x-ndjson", file.path("application/x-ndjson").path("example").asText(),
                "application/json", JSON.writeValueAsString(file.path("application/json").path("example")));
        for (Map.Entry<String, String> body : sent.entrySet()) {
            Response imported = given().header("Authorization", "Bearer " + adminKey).contentType(body.getKey()).body(body.getValue().getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences");
            String batch = imported.jsonPath().getString("batch");
            try {
                assertEquals(201, imported.statusCode(), body.getKey() + ": " + imported.asString());
                assertEquals(2, imported.jsonPath().getInt("imported") + imported.jsonPath().getInt("duplicates"), imported.asString());
            } finally {
                // Rounds learn from imported pairs: other tests must not find these.
                if (batch != null) {
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = ?1")
                            .setParameter(1, batch).executeUpdate());
                }
            }
        }
    }
}
