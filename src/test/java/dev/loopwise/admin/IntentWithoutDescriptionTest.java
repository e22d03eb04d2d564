package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.ticket.ScratchIntents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An intent an import made has no description: the Overview says so and where to write one, not an empty cell. */
@QuarkusTest
class IntentWithoutDescriptionTest {

    @Test
    void theOverviewAsksForTheMissingDescriptionOnIntents() {
        String name = "nodesc_" + UUID.randomUUID().toString().substring(0, 8);
        long id = ScratchIntents.create(name);
        try {
            String page = Caller.session("admin").request().accept("text/html").get("/admin").then().statusCode(200).extract().asString();
            int row = page.indexOf("<code>" + name + "</code>");
            assertTrue(row > 0, "the intent is listed");
            String cell = page.substring(row, page.indexOf("</tr>", row));
            assertTrue(cell.contains("No description yet: write one on") && cell.contains("<a href=\"/admin/intents\">Intents</a>"), cell);
        } finally {
            ScratchIntents.delete(id);
        }
    }
}
