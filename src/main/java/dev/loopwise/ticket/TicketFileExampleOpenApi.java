package dev.loopwise.ticket;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * The JSON lines example of the ticket import, set once the document is built: an example written on the annotation
 * that starts with a brace is read as JSON, which keeps its first line as one object, and Swagger UI would send that
 * object spread over several lines, a file the import refuses.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TicketFileExampleOpenApi implements OASFilter {
    static final String JSONL_EXAMPLE = """
            {"text": "My parcel FH-10422 was due on Monday and still hasn't come, where is it?", "label": "track_order"}
            {"text": "Do you ship to Norway?"}
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/datasets/tickets");
        if (item == null || item.getPOST() == null || item.getPOST().getRequestBody() == null) {
            return;
        }
        for (String type : List.of("application/x-ndjson", "application/jsonl", "application/json-lines")) {
            MediaType media = item.getPOST().getRequestBody().getContent().getMediaType(type);
            if (media != null) {
                media.setExample(JSONL_EXAMPLE);
            }
        }
    }
}
