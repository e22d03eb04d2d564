package dev.loopwise.common.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A number too large for a map's entry names the entry, as a wrong type there does, not only the map that holds it. */
@QuarkusTest
class NestedNumberRangeTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void aRatingPastWhatANumberHoldsNamesItsSide() {
        Caller reviewer = Caller.reviewer(users, keys);
        reviewer.request().contentType("application/json").body("{\"choice\":\"A\",\"ratings\":{\"B\":9223372036854775808}}")
                .post("/api/v1/review/987654321").then().statusCode(400).body("code", equalTo("malformed_json"))
                .body("error", startsWith("'ratings.B' is far out of range"));
        // A field of the body itself keeps its plain name.
        reviewer.request().contentType("application/json").body("{\"choice\":\"A\",\"durationMs\":9223372036854775808}")
                .post("/api/v1/review/987654321").then().statusCode(400).body("error", startsWith("'durationMs' is far out of range"));
    }
}
