package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A version's page names, under each figure, which held-out tickets it was measured on and how many: the out-of-scope
 * figure rests on the held-out tickets labelled oos alone, the hand-over rate on the others, not on all of them.
 */
@QuarkusTest
class FiguresBasisTest {
    @Test
    void eachFigureSaysWhichHeldOutTicketsItWasMeasuredOn() {
        int version = ActiveModel.await();
        Map<String, Object> metrics = QuarkusTransaction.requiringNew().call(() -> ModelVersion.<ModelVersion>find("version", version)
                .firstResult().metrics);
        int all = ((Number) metrics.get("data/test_tickets")).intValue();
        int oos = ((Number) metrics.get("data/oos_test_tickets")).intValue();
        String page = Caller.session("admin").request().accept("text/html").get("/admin/models/" + version).then().statusCode(200)
                .extract().asString();
        for (String label : new String[] {"accuracy, of " + all + " held-out tickets",
                "off-topic handed over, of " + oos + " held-out tickets labelled oos",
                "answerable tickets handed to a person, of " + (all - oos) + " held-out tickets support answers",
                "same reply as the agent, of ", "reply of the right intent, of "}) {
            assertTrue(page.contains("<span class=\"label\">" + label), label + " in " + page.substring(page.indexOf("class=\"stats\"")));
        }
    }
}
