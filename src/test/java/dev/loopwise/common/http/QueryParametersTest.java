package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A query parameter an API address does not read is refused with its name and the ones it does read, before anything
 * is written, instead of being ignored: a client asking for a page size under the wrong name got the default page and
 * could not tell.
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
    void signingInComesFirstAndTheOpenAiAddressesIgnoreExtraParameters() {
        Caller.anonymous().request().accept("application/json").queryParam("limit", 1).get("/api/v1/tickets").then().statusCode(401);
        // OpenAI ignores parameters it does not know, and SDKs add some (Azure's api-version): a bot must keep working.
        Caller.apiKeyWithoutLimit(keys, "admin").request().queryParam("api-version", "2024-06-01").get("/v1/models").then()
                .statusCode(200);
    }
}
