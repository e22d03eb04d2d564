package dev.loopwise.ticket;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * The JSON lines example of the ticket import and of the drift replay, which reads the same files, set once the document
 * is built: an example written on the annotation that starts with a brace is read as JSON, which keeps its first line as
 * one object, and Swagger UI would send that object spread over several lines, a file the import refuses. The replay's
 * CSV example is set here too, as its body is documented by its consumed types alone.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TicketFileExampleOpenApi implements OASFilter {
    static final String JSONL_EXAMPLE = """
            {"text": "My parcel FH-10422 was due on Monday and still hasn't come, where is it?", "label": "track_order"}
            {"text": "Do you ship to Norway?"}
            """;
    static final String REPLAY_CSV_EXAMPLE = """
            text
            "My parcel FH-10422 was due on Monday and still hasn't come, where is it?"
            "Do you ship to Norway?"
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        set(openAPI, "/api/v1/datasets/tickets", List.of("application/x-ndjson", "application/jsonl", "application/json-lines"), JSONL_EXAMPLE);
        set(openAPI, "/api/v1/drift/replay", List.of("application/x-ndjson", "application/jsonl", "application/json-lines"), JSONL_EXAMPLE);
        set(openAPI, "/api/v1/drift/replay", List.of("text/csv", "text/plain"), REPLAY_CSV_EXAMPLE);
    }

    private static void set(OpenAPI openAPI, String path, List<String> types, String example) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path);
        if (item == null || item.getPOST() == null || item.getPOST().getRequestBody() == null) {
            return;
        }
        for (String type : types) {
            MediaType media = item.getPOST().getRequestBody().getContent().getMediaType(type);
            if (media != null) {
                media.setExample(example);
            }
        }
    }
}
