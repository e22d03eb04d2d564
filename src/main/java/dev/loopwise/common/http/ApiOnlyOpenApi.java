package dev.loopwise.common.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The API documentation is for API clients: the HTML pages and the sign-in form are resources too,
 * but nobody calls them with an API key, so they are left out, and with them the schemas only they used (Qute's
 * template classes, Vert.x's request context), which a client generated from the document would otherwise carry. It
 * runs when the application is built, so the document is ready-made at start instead of being scanned and filtered again
 * by every process.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiOnlyOpenApi implements OASFilter {
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final String JSON_TREE = "JsonNode";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().keySet().stream().filter(path -> !path.startsWith("/api/") && !path.startsWith("/v1/")).toList()
                .forEach(path -> openAPI.getPaths().removePathItem(path));
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
            if (schemas.containsKey(JSON_TREE)) {
                // A Jackson tree in an answer is whatever JSON it holds, not Jackson's class with its node types.
                openAPI.getComponents().addSchema(JSON_TREE, OASFactory.createSchema().description("Any JSON value"));
                schemas = openAPI.getComponents().getSchemas();
            }
            Set<String> used = reachable(openAPI, schemas);
            schemas.keySet().stream().filter(name -> !used.contains(name)).toList()
                    .forEach(name -> openAPI.getComponents().removeSchema(name));
        }
    }

    /** The named schemas the operations refer to, and those they refer to in turn. */
    private static Set<String> reachable(OpenAPI openAPI, Map<String, Schema> schemas) {
        Deque<Schema> toVisit = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Stream.ofNullable(item.getParameters()).flatMap(List::stream).map(Parameter::getSchema).forEach(s -> push(toVisit, s));
            item.getOperations().values().forEach(operation -> operationSchemas(operation).forEach(s -> push(toVisit, s)));
        });
        Set<String> used = new HashSet<>();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!toVisit.isEmpty()) {
            Schema schema = toVisit.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(REF_PREFIX)) {
                String name = schema.getRef().substring(REF_PREFIX.length());
                if (used.add(name)) {
                    push(toVisit, schemas.get(name));
                }
            }
            Stream.of(schema.getProperties() == null ? null : schema.getProperties().values(), schema.getAllOf(),
                    schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())
                    .filter(Objects::nonNull).flatMap(Collection::stream).forEach(s -> push(toVisit, s));
            Stream.of(schema.getItems(), schema.getNot(), schema.getAdditionalPropertiesSchema()).forEach(s -> push(toVisit, s));
        }
        return used;
    }

    private static Stream<Schema> operationSchemas(Operation operation) {
        Stream<Schema> parameters = Stream.ofNullable(operation.getParameters()).flatMap(List::stream).map(Parameter::getSchema);
        Stream<Schema> body = operation.getRequestBody() == null ? Stream.empty() : contentSchemas(operation.getRequestBody().getContent());
        Stream<Schema> responses = operation.getResponses() == null || operation.getResponses().getAPIResponses() == null ? Stream.empty()
                : operation.getResponses().getAPIResponses().values().stream().flatMap(r -> contentSchemas(r.getContent()));
        return Stream.of(parameters, body, responses).flatMap(s -> s);
    }

    private static Stream<Schema> contentSchemas(Content content) {
        return content == null || content.getMediaTypes() == null ? Stream.empty()
                : content.getMediaTypes().values().stream().map(MediaType::getSchema);
    }

    private static void push(Deque<Schema> toVisit, Schema schema) {
        if (schema != null) {
            toVisit.push(schema);
        }
    }
}
