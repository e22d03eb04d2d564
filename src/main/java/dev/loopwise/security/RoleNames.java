package dev.loopwise.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.json.JsonStrictness;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Roles as a request sends them: "admin", "admin,reviewer", or the array a response shows (["reviewer"]), so that a user
 * read from the API can be sent back as it came. {@link Role#parse} then checks the names.
 */
@Schema(implementation = String.class, description = "A role name (\"reviewer\"), names separated by commas (\"admin,reviewer\"), or an array of names")
public record RoleNames(String joined) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RoleNames of(JsonNode node) {
        // Read as a tree, the names skip the check every bound text gets: a direction override is refused here as there.
        if (node.isTextual()) {
            JsonStrictness.checkText("roles", node.asText());
            return new RoleNames(node.asText());
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode name : node) {
                if (!name.isTextual()) {
                    throw invalid();
                }
                JsonStrictness.checkText("roles", name.asText());
                names.add(name.asText());
            }
            return new RoleNames(String.join(",", names));
        }
        throw invalid();
    }

    public static String text(RoleNames roles) {
        return roles == null ? null : roles.joined();
    }

    private static ApiException invalid() {
        return ApiException.badRequest("invalid_roles", "'roles' is a role name (\"reviewer\"), names separated by commas"
                + " (\"admin,reviewer\"), or an array of names ([\"reviewer\"]).");
    }
}
