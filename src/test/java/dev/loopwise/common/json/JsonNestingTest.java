package dev.loopwise.common.json;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A file that opens as a JSON array nested past the parser's limit: the parser stops without saying where, and that
 * must still be a 400 naming the problem, not a server error.
 */
@QuarkusTest
class JsonNestingTest {
    private static final byte[] DEEP = ("[".repeat(2_000) + "]".repeat(2_000)).getBytes(StandardCharsets.UTF_8);

    @Inject
    ApiKeyService keys;

    @Test
    void anArrayNestedTooDeepIsRefusedWithTheReasonOnEveryFileImport() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("application/x-ndjson").body(DEEP).post("/api/v1/datasets/preferences").then().statusCode(400)
                .body("code", equalTo("invalid_file")).body("error", containsString("nested more than 1,000 levels deep"));
        admin.request().contentType("application/x-ndjson").body(DEEP).post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("nested more than 1,000 levels deep"));
        admin.request().contentType("application/x-ndjson").queryParam("name", "kb.jsonl").body(DEEP).post("/api/v1/knowledge/articles")
                .then().statusCode(400).body("error", containsString("nested more than 1,000 levels deep"));
        admin.request().contentType("application/json").body(DEEP).post("/api/v1/rounds").then().statusCode(400)
                .body("code", equalTo("malformed_json"));
    }
}
