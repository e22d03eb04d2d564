package dev.loopwise.common.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The API documentation is for API clients: the HTML pages and the sign-in form are resources too,
 * but nobody calls them with an API key, so they are left out. It runs when the application is built, so the
 * document is ready-made at start instead of being scanned and filtered again by every process.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiOnlyOpenApi implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().keySet().stream().filter(path -> !path.startsWith("/api/") && !path.startsWith("/v1/")).toList()
                .forEach(path -> openAPI.getPaths().removePathItem(path));
    }
}
