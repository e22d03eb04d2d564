package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API document is what a helpdesk developer reads in Swagger UI and what client generators build from: every
 * operation says what it does and who may call it, every refusal has the error body's shape, an id in the path can be
 * unknown, and no class of the HTML pages leaks in.
 */
@QuarkusTest
class OpenApiDocumentTest {
    private static final Pattern REF = Pattern.compile("#/components/schemas/([A-Za-z0-9_]+)");

    @Inject
    ApiKeyService keys;

    private JsonNode document;

    @BeforeEach
    void read() throws Exception {
        String admin = ScratchAccounts.key(keys.create("admin", "openapi " + UUID.randomUUID())).secret();
        String body = given().header("Authorization", "Bearer " + admin).accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(body);
    }

    @Test
    void everyOperationAndQueryParameterSaysWhatItDoesAndWhoMayCallIt() {
        List<String> faults = new ArrayList<>();
        operations().forEach((name, operation) -> {
            // Quarkus makes a summary of the method's name ("Search Body") but never a description: one there was written.
            String description = operation.path("description").asText("");
            if (operation.path("summary").asText("").isBlank() || !description.matches("(?s)\\S.*\n\nRoles: [a-z, ]+\\.$")) {
                faults.add(name + ": '" + operation.path("summary").asText("") + "', '" + description + "'");
            }
            operation.path("parameters").forEach(parameter -> {
                if (parameter.path("in").asText().equals("query") && parameter.path("description").asText("").isBlank()) {
                    faults.add(name + ": query parameter " + parameter.path("name").asText() + " says nothing of what it does");
                }
            });
            if (operation.path("responses").properties().stream().noneMatch(r -> r.getKey().startsWith("2"))) {
                faults.add(name + ": no success answer");
            }
        });
        assertEquals(List.of(), faults);
        JsonNode promote = document.at("/paths/~1api~1v1~1models~1{version}~1promote/post");
        assertTrue(promote.path("description").asText().endsWith("Roles: admin."), promote.toString());
        assertTrue(document.at("/paths/~1api~1v1~1respond/post/description").asText().endsWith("Roles: admin, service."));
    }

    @Test
    void everyRefusalHasTheErrorShapeAndAnIdInThePathCanBeUnknown() {
        List<String> faults = new ArrayList<>();
        operations().forEach((name, operation) -> {
            String shape = name.contains(" /v1/") ? "OpenAiError" : "ApiError";
            operation.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") && !response.getValue().toString().contains("#/components/schemas/" + shape)) {
                    faults.add(name + " " + response.getKey() + " without " + shape);
                }
            });
            for (String code : List.of("401", "403", "429")) {
                if (!operation.path("responses").has(code)) {
                    faults.add(name + ": no " + code);
                }
            }
            boolean idInPath = name.contains("{");
            if (idInPath && !operation.path("responses").has("404")) {
                faults.add(name + ": no 404");
            }
        });
        assertEquals(List.of(), faults);
        JsonNode error = document.at("/components/schemas/ApiError");
        assertEquals(Set.of("code", "error"), names(error.path("properties")));
        assertTrue(document.at("/paths/~1api~1v1~1review~1{itemId}/post/responses/409/description").asText().contains("undo first"));
    }

    @Test
    void onlyTheApiSchemasAreListedEachOneUsed() {
        Set<String> schemas = names(document.at("/components/schemas"));
        Set<String> referenced = new HashSet<>();
        Matcher ref = REF.matcher(document.toString());
        while (ref.find()) {
            referenced.add(ref.group(1));
        }
        Set<String> unused = new HashSet<>(schemas);
        unused.removeAll(referenced);
        assertEquals(Set.of(), unused, "schemas no operation uses");
        for (String leaked : List.of("TemplateInstance", "RoutingContext", "EngineImpl", "JsonNodeType", "IntentView1", "ReplyView1")) {
            assertFalse(schemas.contains(leaked), leaked + " is listed: " + schemas);
        }
        assertEquals("string", document.at("/components/schemas/RoleNames/type").asText(), "roles are sent as text or a list of names");
    }

    /** A job whose instance died keeps its last progress for minutes: each job's answer says so, in one field of one shape. */
    @Test
    void everyBackgroundJobsAnswerSaysWhenItsInstanceWentSilent() {
        for (String path : List.of("/api/v1/training-runs/{id}", "/api/v1/rounds/{id}", "/api/v1/knowledge/imports/{id}",
                "/api/v1/drift/replays/{id}")) {
            String ref = document.path("paths").path(path).at("/get/responses/200/content/application~1json/schema/$ref").asText();
            Matcher named = REF.matcher(ref);
            assertTrue(named.matches(), path + " answers " + ref);
            JsonNode silence = document.at("/components/schemas/" + named.group(1) + "/properties/silence");
            assertEquals("string", silence.path("type").asText(), path + ": " + silence);
            assertTrue(silence.path("description").asText().contains("marked failed"), path + ": " + silence);
        }
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        assertTrue(operations.size() > 40, "operations: " + operations.keySet());
        return operations;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
