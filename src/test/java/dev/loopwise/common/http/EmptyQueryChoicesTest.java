package dev.loopwise.common.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.QueryMessages;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A query parameter that chooses between options, sent with nothing after its '=' (a script whose variable came out
 * empty), is refused like a value it does not know, naming the options: read as left out, it quietly gave the default.
 */
@QuarkusTest
class EmptyQueryChoicesTest {
    @Inject
    ApiKeyService keys;

    @Test
    void anEmptyExportFormatIsRefusedListingTheFormats() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().get("/api/v1/export/preferences?format=").then().statusCode(400)
                .body("code", equalTo("invalid_format")).body("error", equalTo(WorkspaceMessages.EMPTY_PREFERENCE_FORMAT));
        assertTrue(WorkspaceMessages.EMPTY_PREFERENCE_FORMAT.contains("trl-chat or kto-chat"), WorkspaceMessages.EMPTY_PREFERENCE_FORMAT);
        // Left out, it is the default format, as before.
        admin.request().get("/api/v1/export/preferences").then().statusCode(200);
        // The Review quality page's download link says the same, on a page.
        Caller page = Caller.session("admin");
        String shown = page.pageRequest().accept(FormAddressIdsTest.BROWSER_ACCEPT).get("/admin/exports/preferences?format=").then().statusCode(400)
                .extract().asString();
        assertTrue(shown.contains("format is empty"), shown);
    }

    @Test
    void anEmptyToggleIsRefusedNamingTrueAndFalse() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("application/json").post("/api/v1/drift/check?force=").then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("error", equalTo(QueryMessages.emptyChoice("force", "true", "true", "false")));
        admin.request().get("/api/v1/knowledge/search?q=refund&all=").then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("error", equalTo("'all' is empty: use 'true' or 'false', or leave it out for 'false'."));
        admin.request().get("/api/v1/knowledge/search?q=refund&all=true").then().statusCode(200);
    }
}
