package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a helpdesk developer branches on when a call fails, read from the API document alone: every refusal an operation
 * can give is listed with the codes its body's {@code code} can hold, including those the HTTP layer gives before the
 * operation reads anything (a body too large, of another type, compressed) and those of serving when no version is ready.
 */
@QuarkusTest
class OpenApiErrorAnswersTest {
    private static final Pattern NAMES_CODES = Pattern.compile("Codes?: [a-z]+(_[a-z]+)*");

    @Inject
    ApiKeyService keys;

    private JsonNode document;

    @BeforeEach
    void read() throws Exception {
        document = ApiDocument.read(ApiDocument.adminKey(keys, "openapi errors"));
    }

    @Test
    void everyRefusalNamesTheCodesItCanHold() {
        List<String> silent = new ArrayList<>();
        operations((where, operation) -> operation.path("responses").properties().forEach(response -> {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                String description = response.getValue().path("description").asText("");
                if (!NAMES_CODES.matcher(description).find()) {
                    silent.add(where + " " + response.getKey() + ": " + description);
                }
            }
        }));
        assertEquals(List.of(), silent, "refusals whose codes the document does not name");
    }

    @Test
    void everyBodyCanBeRefusedForItsSizeOrItsType() {
        List<String> missing = new ArrayList<>();
        operations((where, operation) -> {
            if (operation.has("requestBody")) {
                for (String status : List.of("413", "415")) {
                    if (!operation.path("responses").has(status)) {
                        missing.add(where + " " + status);
                    }
                }
            }
        });
        assertEquals(List.of(), missing, "bodies whose refusal by the HTTP layer is not documented");
        assertTrue(response("/api/v1/respond", "post", "413").contains("payload_too_large"));
        assertTrue(response("/api/v1/respond", "post", "415").contains("unsupported_media_type"));
        // The knowledge import reads a file of any type and says itself why it refuses one.
        assertTrue(response("/api/v1/knowledge/articles", "post", "415").contains("unsupported_encoding"));
        assertFalse(response("/api/v1/knowledge/articles", "post", "415").contains("unsupported_media_type"));
    }

    @Test
    void theAnswersAHelpdeskMeetsAreListed() {
        for (String path : List.of("/api/v1/respond", "/api/v1/classify", "/v1/chat/completions")) {
            assertTrue(response(path, "post", "503").contains("no_active_model"), path);
        }
        assertTrue(response("/api/v1/respond", "post", "401").contains("unauthenticated"));
        // OpenAI's SDKs look for its own code to tell a wrong key from any other refusal.
        assertTrue(response("/v1/chat/completions", "post", "401").contains("invalid_api_key"));
        assertTrue(response("/api/v1/datasets/tickets", "post", "409").contains("ticket_changed"));
        assertTrue(response("/api/v1/rounds", "post", "409").contains("no_policy"));
        assertTrue(response("/api/v1/keys", "post", "409").contains("account_disabled"));
        assertTrue(response("/api/v1/drift/replay", "post", "409").contains("no_active_model"));
        // An unknown requestId comes in the body, not the path, so the 404 of an unknown id is not added for it.
        assertTrue(response("/api/v1/feedback", "post", "404").contains("not_found"));
        assertTrue(response("/api/v1/respond", "post", "400").contains("invalid_text"));
        assertTrue(response("/api/v1/review/{itemId}", "post", "400").contains("contradictory_ratings"));
        assertEquals("#/components/schemas/OpenAiError",
                document.at("/paths/~1v1~1chat~1completions/post/responses/503/content/application~1json/schema/$ref").asText());
    }

    private String response(String path, String method, String status) {
        JsonNode description = document.path("paths").path(path).path(method).path("responses").path(status).path("description");
        assertTrue(description.isTextual(), method + " " + path + " documents no " + status);
        return description.asText();
    }

    private void operations(OperationVisitor visitor) {
        document.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/") || path.getKey().startsWith("/v1/")) {
                path.getValue().properties().forEach(method -> visitor.visit(method.getKey() + " " + path.getKey(), method.getValue()));
            }
        });
    }

    private interface OperationVisitor {
        void visit(String where, JsonNode operation);
    }
}
