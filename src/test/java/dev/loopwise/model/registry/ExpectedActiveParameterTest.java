package dev.loopwise.model.registry;

import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.security.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A promotion or rollback whose expectedActive is not a version number says what the parameter is for. */
@QuarkusTest
class ExpectedActiveParameterTest {
    @Inject
    ApiKeyService keys;

    @Test
    void anExpectedActiveBelowOneIsRefusedSayingWhatItIs() {
        Caller admin = Caller.apiKey(keys, "admin");
        String said = "expectedActive must be the version that serves now (a whole number, 1 or more), as the Models page sends it;"
                + " leave it out to switch whatever serves.";
        admin.request().contentType("application/json").post("/api/v1/models/1/promote?expectedActive=0").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("error", equalTo(said));
        admin.request().contentType("application/json").post("/api/v1/models/1/rollback?expectedActive=-1").then().statusCode(400).body("error", equalTo(said));
    }
}
