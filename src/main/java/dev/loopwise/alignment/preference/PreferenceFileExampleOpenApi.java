package dev.loopwise.alignment.preference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * The example file of the preference import, set once the document is built: written on the annotation, a JSON lines
 * example starting with a brace is read as JSON, which keeps its first line as one object, and Swagger UI would send that
 * object spread over several lines, a file the import refuses. The same rows go as one array to {@code application/json}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PreferenceFileExampleOpenApi implements OASFilter {
    static final String JSONL_EXAMPLE = """
            {"prompt": "My parcel FH-10422 was due on Monday and still hasn't come, where is it?", "chosen": "Sorry for the wait! Your parcel is with the courier and should reach you within two working days: the link in your dispatch e-mail follows it.", "rejected": "Please contact our support team."}
            {"prompt": "Do you ship to Norway?", "chosen": "Yes, we deliver to Norway in 3 to 5 working days.", "rejected": "Thank you for your message.", "margin": 2}
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/datasets/preferences");
        if (item == null || item.getPOST() == null || item.getPOST().getRequestBody() == null
                || item.getPOST().getRequestBody().getContent() == null) {
            return;
        }
        for (String type : List.of(PreferenceResource.JSONL, "application/jsonl", "application/json-lines", "text/plain")) {
            MediaType media = item.getPOST().getRequestBody().getContent().getMediaType(type);
            if (media != null) {
                media.setExample(JSONL_EXAMPLE);
            }
        }
        MediaType json = item.getPOST().getRequestBody().getContent().getMediaType("application/json");
        if (json != null) {
            json.setExample(rows());
        }
    }

    private static List<Object> rows() {
        ObjectMapper mapper = new ObjectMapper();
        List<Object> rows = new ArrayList<>();
        for (String line : JSONL_EXAMPLE.lines().toList()) {
            try {
                rows.add(mapper.readValue(line, Map.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the preference import's example is not JSON lines", e);
            }
        }
        return rows;
    }
}
