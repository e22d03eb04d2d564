package dev.loopwise.common.http;

import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A fraction or an exponent where a whole number goes is told so, not told to drop quotes it does not have. */
@QuarkusTest
class WholeNumberInputTest {
    @Inject
    ApiKeyService keys;

    @Test
    void anExponentOrADecimalPointWhereAWholeNumberGoesIsNamed() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String value : new String[] {"1e30", "2.0"}) {
            admin.request().contentType("application/json").body("{\"requestsPerMinute\": " + value + "}").post("/api/v1/keys")
                    .then().statusCode(400).body("code", equalTo("malformed_json"))
                    .body("error", equalTo("The field 'requestsPerMinute' has the wrong type: send a whole number written with digits"
                            + " only, without a decimal point or an exponent."));
        }
        admin.request().contentType("application/json").body("{\"requestsPerMinute\": \"5\"}").post("/api/v1/keys")
                .then().statusCode(400).body("error", equalTo("The field 'requestsPerMinute' has the wrong type: send a whole number,"
                        + " without quotes."));
    }
}
