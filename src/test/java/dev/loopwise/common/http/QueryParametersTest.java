package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A query parameter an API address does not read is refused with its name and the ones it does read, before anything
 * is written, instead of being ignored: a client asking for a page size under the wrong name got the default page and
 * could not tell. So are a parameter sent empty and a body sent where the address reads none.
 */
@QuarkusTest
class QueryParametersTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aParameterTheListDoesNotReadIsNamedWithTheOnesItDoes() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        admin.request().queryParam("limit", 1).get("/api/v1/tickets").then().statusCode(400)
                .body("code", equalTo("unknown_parameter"))
                .body("error", equalTo("The query parameter 'limit' is not one this address reads, so it would change nothing:"
                        + " it takes before, page, size (check the spelling), or remove it."));
        admin.request().queryParam("size", 1).get("/api/v1/tickets").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aRequestWithAParameterItDoesNotReadWritesNothing() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        long before = QuarkusTransaction.requiringNew().call(() -> ApiKey.count("name", "query parameter probe"));
        admin.request().contentType("application/json").queryParam("username", "reviewer1")
                .body("{\"name\": \"query parameter probe\"}").post("/api/v1/keys").then().statusCode(400)
                .body("code", equalTo("unknown_parameter"))
                .body("error", containsString("this address takes no query parameters; remove it."));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ApiKey.count("name", "query parameter probe")),
                "no key made");
    }

    @Test
    void anEmptyPageSizeOrCursorIsRefusedNotReadAsTheDefault() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        Map<String, String> listings = Map.of("/api/v1/tickets?size=", "size", "/api/v1/tickets?before", "before",
                "/api/v1/tickets?page=", "page", "/api/v1/models?limit=", "limit", "/api/v1/rounds?offset=", "offset",
                "/api/v1/knowledge/articles?before=", "before", "/api/v1/keys?limit=", "limit",
                "/api/v1/knowledge/search?q=refund&limit=", "limit");
        listings.forEach((listing, name) -> admin.request().get(listing).then().statusCode(400).body("code", equalTo(Paging.CODE))
                .body("error", equalTo(name + " is empty: give it a whole number, or leave " + name + " out to use its default.")));
        admin.request().accept("application/x-ndjson").get("/api/v1/audit?after=").then().statusCode(400)
                .body("code", equalTo(Paging.CODE));
    }

    @Test
    void anEmptyTimeNameOrExpectedVersionIsRefused() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        admin.request().accept("application/x-ndjson").get("/api/v1/audit?since=").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("error", equalTo("The query parameter 'since' is empty: give it a value, or leave it out to use its default."));
        admin.request().get("/api/v1/keys?username=").then().statusCode(400).body("code", equalTo("validation_failed"));
        // an empty expectedActive would otherwise promote without the check the caller meant to ask for (here: before the unknown version)
        admin.request().contentType("application/json").post("/api/v1/models/999999/promote?expectedActive=").then()
                .statusCode(400).body("error", containsString("'expectedActive' is empty"));
    }

    @Test
    void aBodyWhereTheAddressReadsNoneIsRefusedAndChangesNothing() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        // what the caller meant as a condition would otherwise be dropped: the promotion would go ahead unchecked
        admin.request().contentType("application/json").body("{\"expectedActive\": 1}").post("/api/v1/models/999999/promote")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"))
                .body("error", containsString("This address takes no request body"));
        long id = admin.request().contentType("application/json").body("{\"name\": \"body probe " + System.nanoTime() + "\"}")
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.request().contentType("application/json").body("{\"reason\": \"left\"}").delete("/api/v1/keys/" + id).then().statusCode(415);
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(id).revokedAt), "the key still works");
        // an empty object, which many clients send on every post, says nothing that could be dropped
        admin.request().contentType("application/json").body("{}").delete("/api/v1/keys/" + id).then().statusCode(204);
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(id).revokedAt), "the key was revoked");
        Caller reviewer = Caller.apiKeyWithoutLimit(keys, "reviewer1");
        reviewer.request().contentType("application/json").body("{}").post("/api/v1/drift/check").then().statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void signingInComesFirstAndTheOpenAiAddressesIgnoreExtraParameters() {
        Caller.anonymous().request().accept("application/json").queryParam("limit", 1).get("/api/v1/tickets").then().statusCode(401);
        // OpenAI ignores parameters it does not know, and SDKs add some (Azure's api-version): a bot must keep working.
        Caller.apiKeyWithoutLimit(keys, "admin").request().queryParam("api-version", "2024-06-01").get("/v1/models").then()
                .statusCode(200);
    }
}
