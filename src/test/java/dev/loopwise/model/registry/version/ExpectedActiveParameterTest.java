package dev.loopwise.model.registry.version;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A promotion or rollback whose expectedActive is not a version number says what the parameter is for. */
@QuarkusTest
class ExpectedActiveParameterTest {
    @Inject
    ApiKeyService keys;

    @Test
    void anExpectedActiveBelowOneIsRefusedSayingWhatItIs() {
        Caller admin = Caller.apiKey(keys, "admin");
        String said = "expectedActive must be the active version (a whole number, 1 or more), as the Models page sends it;"
                + " leave it out to switch whatever is active.";
        admin.request().contentType("application/json").post("/api/v1/models/1/promote?expectedActive=0").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("error", equalTo(said));
        // Written as no number is, it is refused by its name, in the words every such number in an address is.
        admin.request().contentType("application/json").post("/api/v1/models/1/rollback?expectedActive=-1").then().statusCode(400)
                .body("code", equalTo("bad_parameter")).body("error", equalTo("The query parameter 'expectedActive': " + HttpMessages.notPlainNumber("-1")));
    }

    /**
     * The Models page sends the version it showed; a value it never sends (typed into a copied form, a script's mistake)
     * is refused on the page as the API refuses it, instead of switching versions as if no check had been asked for.
     */
    @Test
    void theModelsPageRefusesAnExpectedActiveItDoesNotSendAndSwitchesNothing() {
        ActiveModel.await(); // the demo's first version, activated when its training ends, is no switch this test made
        Caller admin = Caller.session("admin");
        long activations = QuarkusTransaction.requiringNew().call(() -> ModelActivation.count());
        for (String action : List.of("promote", "rollback")) {
            for (String sent : List.of("abc", "v1", "0", "-2", "+2", "02", "99999999999")) {
                admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                        .formParam("expectedActive", sent).formParam("csrf-token", admin.csrfToken())
                        .post("/admin/models/1/" + action).then().statusCode(400)
                        .body(containsString("expectedActive must be the active version (a whole number, 1 or more)"));
            }
        }
        assertEquals(activations, QuarkusTransaction.requiringNew().call(() -> ModelActivation.count()), "no version was switched in");
    }
}
