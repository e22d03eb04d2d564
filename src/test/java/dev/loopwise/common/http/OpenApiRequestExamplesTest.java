package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request body in the API document comes with an example a developer can send from Swagger UI as it stands: the
 * ones whose schema is a named object give one per field (checked by {@link OpenApiSchemasTest}), the others one whole.
 */
@QuarkusTest
class OpenApiRequestExamplesTest {

    @Inject
    ApiKeyService keys;

    private String adminKey;
    private JsonNode document;

    @BeforeEach
    void read() throws Exception {
        adminKey = ApiDocument.adminKey(keys, "openapi examples");
        document = ApiDocument.read(adminKey);
    }

    @Test
    void everyRequestBodyGivesAnExample() {
        List<String> without = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> method.getValue()
                .at("/requestBody/content").properties().forEach(media -> {
                    JsonNode value = media.getValue();
                    boolean named = value.at("/schema/$ref").isTextual();
                    boolean whole = value.has("example") || value.has("examples");
                    if (!named && !whole) {
                        without.add(method.getKey() + " " + path.getKey() + " " + media.getKey());
                    }
                })));
        assertEquals(List.of(), without, "request bodies without an example");
        String replay = document.at("/paths/~1api~1v1~1drift~1replay/post/requestBody/content/text~1csv/example").asText("");
        assertTrue(replay.startsWith("text\n"), replay);
    }

    /** A client generated from the document checks the fixed limits before sending, as the API checks them. */
    @Test
    void fixedLimitsAreMachineReadable() {
        JsonNode schemas = document.path("components").path("schemas");
        assertEquals(2000, schemas.at("/FeedbackRequest/properties/comment/maxLength").asInt());
        assertEquals(100, schemas.at("/CreateKeyRequest/properties/name/maxLength").asInt());
        assertEquals(64, schemas.at("/CreateUserRequest/properties/username/maxLength").asInt());
        assertEquals(4000, schemas.at("/Submission/properties/rewrite/maxLength").asInt());
        assertEquals(500, schemas.at("/Submission/properties/reason/maxLength").asInt());
        assertEquals(20000, schemas.at("/SearchRequest/properties/q/maxLength").asInt());
        assertEquals(50, schemas.at("/SearchRequest/properties/limit/maximum").asInt());
        assertEquals(0.01, schemas.at("/RoundRequest/properties/beta/minimum").asDouble());
        assertEquals(100, schemas.at("/RoundRequest/properties/beta/maximum").asInt());
        assertEquals(200000, schemas.at("/RoundRequest/properties/replaySample/maximum").asInt());
    }

    @Test
    void theChatExampleIsOneTheEndpointAnswers() {
        ActiveModel.await();
        JsonNode example = document.at("/paths/~1v1~1chat~1completions/post/requestBody/content/application~1json/example");
        assertTrue(example.isObject(), example.toString());
        Response answer = given().header("Authorization", "Bearer " + adminKey).contentType("application/json").body(example.toString())
                .post("/v1/chat/completions");
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("assistant", answer.jsonPath().getString("choices[0].message.role"));
    }
}
