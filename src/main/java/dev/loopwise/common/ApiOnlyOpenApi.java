package dev.loopwise.common;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The API documentation is for API clients: the HTML pages and the sign-in form are resources too,
 * but nobody calls them with an API key, so they are left out.
 */
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
