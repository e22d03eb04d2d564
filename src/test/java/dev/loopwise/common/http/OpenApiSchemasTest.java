package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an integrator reads in Swagger UI before the first call: every field of every body says what it is, the request
 * bodies say what is required and give examples the API really takes, and "Try it out" with an API key works from a
 * browser that is also signed in to Loopwise (it sends the session's cookies along with the key).
 */
@QuarkusTest
class OpenApiSchemasTest {
    private static final String REF = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApiKeyService keys;

    private String adminKey;
    private JsonNode document;

    @BeforeEach
    void read() throws Exception {
        adminKey = ApiDocument.adminKey(keys, "openapi schemas");
        document = ApiDocument.read(adminKey);
    }

    @Test
    void everyPropertyOfEverySchemaSaysWhatItIs() {
        List<String> silent = new ArrayList<>();
        document.at("/components/schemas").properties().forEach(schema -> collectSilent(schema.getKey(), schema.getValue(), silent));
        assertEquals(List.of(), silent, "properties without a description");
    }

    @Test
    void requestBodiesSayWhatIsRequiredAndGiveExamples() {
        assertEquals(Set.of("text"), required("TextRequest"));
        assertEquals(Set.of("choice"), required("Submission"));
        assertEquals(Set.of("requestId", "rating"), required("FeedbackRequest"));
        assertEquals(Set.of("username", "roles"), required("CreateUserRequest"));
        assertEquals(Set.of("q"), required("SearchRequest"));
        assertEquals(Set.of(), required("RoundRequest"), "every round setting has a default");
        List<String> withoutExample = new ArrayList<>();
        Set<String> bodies = requestBodySchemas();
        assertTrue(bodies.containsAll(Set.of("TextRequest", "Submission", "RoundRequest", "FeedbackRequest")), bodies.toString());
        for (String body : bodies) {
            schema(body).path("properties").properties().forEach(property -> {
                if (!property.getValue().has("example") && !property.getValue().has("examples")) {
                    withoutExample.add(body + "." + property.getKey());
                }
            });
        }
        assertEquals(List.of(), withoutExample);
        JsonNode ticketFile = document.at("/paths/~1api~1v1~1datasets~1tickets/post/requestBody/content");
        for (String type : List.of("text/csv", "application/x-ndjson")) {
            assertTrue(ticketFile.path(type).path("example").asText("").contains("track_order"), type + ": " + ticketFile.path(type));
        }
        assertEquals(List.of("A", "B", "tie", "both_bad", "out_of_scope", "skip"),
                JSON.convertValue(schema("Submission").at("/properties/choice/enum"), List.class));
    }

    /**
     * An answer documented as a map ({@code type: object} and nothing more), or as no body at all, leaves an integrator to
     * guess its fields: every answer of Loopwise's own API with a JSON body names its schema, whose fields say what they
     * are; the OpenAI-compatible {@code /v1} answers too, in OpenAI's shapes.
     */
    @Test
    void everyJsonAnswerNamesItsFields() {
        List<String> undocumented = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> method.getValue()
                .path("responses").properties().forEach(response -> {
                    if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/v1/")) {
                        return;
                    }
                    String where = method.getKey() + " " + path.getKey() + " " + response.getKey();
                    if (!response.getKey().startsWith("2") || response.getKey().equals("204")) {
                        return;
                    }
                    JsonNode content = response.getValue().path("content");
                    if (content.isEmpty()) {
                        undocumented.add(where + " (no body)");
                    }
                    content.properties().forEach(media -> {
                        if (media.getKey().equals("application/json") && !namesFields(media.getValue().path("schema"))) {
                            undocumented.add(where + " " + media.getKey() + " " + media.getValue().path("schema"));
                        }
                    });
                })));
        assertEquals(List.of(), undocumented, "answers whose fields the document does not name");
        JsonNode started = document.at("/paths/~1api~1v1~1rounds/post/responses/202/content/application~1json/schema");
        assertEquals(REF + "RoundStarted", started.path("$ref").asText(), started.toString());
        assertEquals(Set.of("roundId"), names(schema("RoundStarted").path("properties")));
        assertEquals(Set.of("runId"), names(schema("TrainingStarted").path("properties")));
        assertEquals(Set.of("judgementId", "duplicate"), names(schema("StoredJudgement").path("properties")));
        JsonNode completion = document.at("/paths/~1v1~1chat~1completions/post/responses/200/content/application~1json/schema");
        assertEquals(REF + "ChatCompletion", completion.path("$ref").asText(), completion.toString());
        assertEquals(Set.of("id", "object", "created", "model", "choices", "usage", "loopwise"),
                names(schema("ChatCompletion").path("properties")));
    }

    private static boolean namesFields(JsonNode schema) {
        if (schema.has("$ref")) {
            return true;
        }
        if (schema.path("type").asText("").equals("array")) {
            return namesFields(schema.path("items"));
        }
        return !schema.path("properties").isEmpty();
    }

    @Test
    void theReviewItemIsDescribedAsItIsSent() {
        JsonNode next = document.at("/paths/~1api~1v1~1review~1next/get/responses/200/content/application~1json/schema");
        assertEquals(REF + "ReviewItem", next.path("$ref").asText(), next.toString());
        assertEquals(Set.of("itemId", "ticket", "predictedIntent", "candidates", "leaseExpiresAt", "sources"),
                names(schema("ReviewItem").path("properties")));
    }

    @Test
    void theJudgementExamplesAreOnesTheReviewApiTakes() throws Exception {
        // The schema's field examples side by side would send a skip reason with a choice: the operation gives whole answers.
        JsonNode examples = document.at("/paths/~1api~1v1~1review~1{itemId}/post/requestBody/content/application~1json/examples");
        assertEquals(Set.of("better", "rewrite", "skip"), names(examples));
        for (JsonNode example : examples) {
            // Validated as the API validates it: the stars agree with the choice, the rewrite's slots are ones Loopwise can fill.
            JSON.treeToValue(example.path("value"), Submission.class).validate();
        }
    }

    @Test
    void swaggerUiOffersTheApiKeyForEveryOperation() {
        JsonNode schemes = document.at("/components/securitySchemes");
        assertEquals(1, schemes.size(), schemes.toString());
        String scheme = schemes.fieldNames().next();
        assertEquals("http", schemes.path(scheme).path("type").asText());
        assertEquals("bearer", schemes.path(scheme).path("scheme").asText());
        List<String> open = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode security = method.getValue().path("security");
            if (security.size() != 1 || !security.get(0).has(scheme)) {
                open.add(method.getKey() + " " + path.getKey());
            }
        }));
        assertEquals(List.of(), open, "operations Swagger UI would send without the key");
        given().header("Authorization", "Bearer " + adminKey).accept("text/html").get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * Swagger UI's "Try it out" from a browser signed in to Loopwise: the key in the Authorization header, and the
     * browser's own session and CSRF cookies and page origin sent along, as fetch does. The key decides; the
     * CSRF check of the session's forms does not refuse the call.
     */
    @Test
    void tryItOutWithTheKeyWorksFromASignedInBrowser() throws Exception {
        ActiveModel.await();
        Map<String, String> browserCookies = Caller.session("admin").cookies();
        assertTrue(browserCookies.containsKey("loopwise-csrf"), browserCookies.keySet().toString());
        Response answer = given().cookies(browserCookies).header("Origin", Caller.origin()).header("Authorization", "Bearer " + adminKey)
                .contentType("application/json").body(JSON.writeValueAsString(example("TextRequest"))).post("/api/v1/respond");
        assertEquals(200, answer.statusCode(), answer.asString());
        assertFalse(answer.jsonPath().getString("requestId").isBlank());
        Response search = given().cookies(browserCookies).header("Origin", Caller.origin()).header("Authorization", "Bearer " + adminKey)
                .contentType("application/json").body(JSON.writeValueAsString(example("SearchRequest"))).post("/api/v1/knowledge/search");
        assertEquals(200, search.statusCode(), search.asString());
        // A write without a body: refused for what it asks (no such run), not for a missing form token.
        Response cancel = given().cookies(browserCookies).header("Origin", Caller.origin()).header("Authorization", "Bearer " + adminKey)
                .contentType("application/json").post("/api/v1/training-runs/999999999/cancel");
        assertEquals(404, cancel.statusCode(), cancel.asString());
    }

    /** The body Swagger UI fills in from the schema's property examples (OpenAPI 3.1 lists them under examples). */
    private ObjectNode example(String name) {
        ObjectNode body = JSON.createObjectNode();
        schema(name).path("properties").properties().forEach(property -> {
            JsonNode example = property.getValue().has("examples") ? property.getValue().path("examples").path(0) : property.getValue().path("example");
            if (!example.isMissingNode()) {
                body.set(property.getKey(), example);
            }
        });
        assertFalse(body.isEmpty(), name + " gives no example");
        return body;
    }

    private void collectSilent(String where, JsonNode schema, List<String> silent) {
        schema.path("properties").properties().forEach(property -> {
            JsonNode value = property.getValue();
            if (value.path("description").asText("").isBlank()) {
                silent.add(where + "." + property.getKey());
            }
            collectSilent(where + "." + property.getKey(), value, silent);
        });
        if (schema.has("items")) {
            collectSilent(where + "[]", schema.path("items"), silent);
        }
    }

    private Set<String> requestBodySchemas() {
        Set<String> bodies = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> method.getValue()
                .at("/requestBody/content").properties().forEach(media -> {
                    String ref = media.getValue().at("/schema/$ref").asText("");
                    if (ref.startsWith(REF)) {
                        bodies.add(ref.substring(REF.length()));
                    }
                })));
        return bodies;
    }

    private Set<String> required(String name) {
        Set<String> required = new TreeSet<>();
        schema(name).path("required").forEach(field -> required.add(field.asText()));
        return required;
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        assertFalse(schema.isMissingNode(), name + " is not in the document");
        return schema;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
