package dev.loopwise.common.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * What every endpoint can answer besides its own success, written once for the API document instead of on each method:
 * the error body's shape ({@link ApiError} under {@code /api}, {@link OpenAiError} under {@code /v1}, where OpenAI SDKs
 * read it), the 401, 403 and 429 any key can meet, the 404 of an unknown id in the path, and the roles an operation
 * needs in words, so that a client generated from the document, or a person reading Swagger UI, knows them without the
 * README.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ErrorResponsesOpenApi implements OASFilter {
    static final String API_ERROR = "ApiError";
    static final String OPENAI_ERROR = "OpenAiError";

    private static final Map<String, String> STANDARD = Map.of(
            "401", "No API key, or one that is wrong, revoked or of a disabled account: send 'Authorization: Bearer lw_...'",
            "403", "The key's account lacks the role this operation needs (see its roles above). Code: forbidden",
            "429", "The key used up its requests for this minute: wait the seconds in the Retry-After header. Code: rate_limited");
    /** The 400 of an operation that names none: one that adds its own codes starts from this sentence. */
    public static final String BAD_INPUT = "A parameter or the body is not one this operation takes: the message says what to fix."
            + " Codes: validation_failed, malformed_json (not JSON, a wrong type, a key given twice, a field it does not take),"
            + " invalid_text (a NUL, half a surrogate pair or a direction override in a text), bad_parameter (an id in the path"
            + " that is not a plain whole number), malformed_address (bytes in the address that are not UTF-8), unknown_parameter,"
            + " repeated_parameter, invalid_parameter (a control character in a query parameter), invalid_paging (a page size, offset or"
            + " before out of range)";
    private static final Map<String, String> BODY_CHARSET = Map.of(
            "not_in_charset", "its bytes are not text in the charset its Content-Type names",
            "compressed_file", "it is compressed: send it uncompressed");
    /** What a generator leaves when an operation names a status without saying why: replaced by the sentence above. */
    private static final Set<String> REASON_PHRASES = Set.of("Bad Request", "Not Found", "Conflict", "Service Unavailable");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(API_ERROR, apiErrorSchema());
        openAPI.getComponents().addSchema(OPENAI_ERROR, openAiErrorSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> complete(operation, item, path.startsWith("/v1/") ? OPENAI_ERROR : API_ERROR)));
    }

    private static void complete(Operation operation, PathItem item, String errorSchema) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            STANDARD.forEach((code, description) -> operation.getResponses().addAPIResponse(code,
                    OASFactory.createAPIResponse().description(description)));
            // OpenAI's SDKs and bots look for invalid_api_key to tell "fix the key" from every other refusal.
            operation.getResponses().getAPIResponse("401").setDescription(STANDARD.get("401") + ". Code: "
                    + (errorSchema.equals(OPENAI_ERROR) ? "invalid_api_key" : "unauthenticated"));
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            body(operation);
        }
        if (takesPathParameter(operation, item) && !operation.getResponses().hasAPIResponse("404")) {
            operation.getResponses().addAPIResponse("404", OASFactory.createAPIResponse()
                    .description("Nothing with that id (or name) in the path: it never existed or was deleted. Code: not_found"));
        }
        boolean takesInput = operation.getRequestBody() != null || operation.getParameters() != null && !operation.getParameters().isEmpty();
        APIResponse badInput = operation.getResponses().getAPIResponse("400");
        if (takesInput && badInput == null) {
            operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse().description(BAD_INPUT));
        } else if (badInput != null && (badInput.getDescription() == null || REASON_PHRASES.contains(badInput.getDescription()))) {
            badInput.setDescription(BAD_INPUT);
        }
        if (operation.getRequestBody() != null) {
            refusedBeforeRead(operation.getResponses().getAPIResponse("400"));
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                response.setContent(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(errorSchema))));
            }
        });
        String roles = roles(operation);
        if (!roles.isEmpty()) {
            String description = operation.getDescription() == null ? "" : operation.getDescription().strip() + "\n\n";
            operation.setDescription(description + "Roles: " + roles + ".");
        }
    }

    /**
     * Every body passes the HTTP layer's checks before the operation reads it: its size, its encoding and charset, and
     * its type when the operation names the types it reads (the knowledge import reads any, and says why it refuses one).
     */
    private static void body(Operation operation) {
        boolean anyType = operation.getRequestBody().getContent().hasMediaType("*/*");
        operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse().description(
                "The body is larger than the server takes (LOOPWISE_MAX_BODY_SIZE, 10 MB by default): send less at once. Code: payload_too_large"));
        operation.getResponses().addAPIResponse("415", OASFactory.createAPIResponse().description((anyType ? ""
                : "The body's Content-Type is not one listed for this operation, or ") + "the body is compressed or in a charset Java"
                + " does not know: send it uncompressed, in UTF-8. Codes: " + (anyType ? "" : "unsupported_media_type, ")
                + "unsupported_encoding, unsupported_charset"));
    }

    /** A body labelled with a charset other than UTF-8 is decoded before the operation sees it, and refused there when it cannot be. */
    private static void refusedBeforeRead(APIResponse badInput) {
        String description = badInput.getDescription();
        List<String> missing = BODY_CHARSET.keySet().stream().filter(code -> !description.matches("(?s).*\\b" + code + "\\b.*")).sorted().toList();
        if (!missing.isEmpty()) {
            badInput.setDescription(description.replaceAll("\\.$", "") + ". Before the body is read: " + String.join(", ", missing.stream()
                    .map(code -> code + " (" + BODY_CHARSET.get(code) + ")").toList()));
        }
    }

    private static boolean takesPathParameter(Operation operation, PathItem item) {
        List<Parameter> parameters = operation.getParameters() != null ? operation.getParameters() : item.getParameters();
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    private static String roles(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null) {
            return "";
        }
        return String.join(", ", security.stream().flatMap(requirement -> requirement.getSchemes().values().stream())
                .flatMap(List::stream).distinct().toList());
    }

    private static Schema apiErrorSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Every refusal under /api: a stable code to branch on and a sentence saying what to fix")
                .addProperty("code", text("Stable, machine-readable, such as not_found, validation_failed or already_judged"))
                .addProperty("error", text("What is wrong and what to do, in plain words"))
                .required(List.of("code", "error"));
    }

    private static Schema openAiErrorSchema() {
        Schema detail = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("message", text("What is wrong and what to do, in plain words"))
                .addProperty("type", text("OpenAI's error type: invalid_request_error, permission_error, not_found_error, rate_limit_error"))
                .addProperty("param", text("The request field at fault as OpenAI names it (messages.[1].role), or null"))
                .addProperty("code", text("Stable, machine-readable; a missing or wrong key is invalid_api_key"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Every refusal under /v1, in OpenAI's shape so that its SDKs show the message")
                .addProperty("error", detail.description("What went wrong, as OpenAI's SDKs read it")).required(List.of("error"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
