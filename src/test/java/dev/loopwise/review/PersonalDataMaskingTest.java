package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reviewers judge replies without seeing who the customer is: e-mail, card and phone are masked in the item they
 * are shown and in the preference export, while the stored ticket keeps the real values.
 */
@QuarkusTest
class PersonalDataMaskingTest extends ReviewerTest {
    static final String TICKET = "Hi, I'm jane.doe@example.com, order 48213377 was charged twice on card 4111 1111 1111 1111 — "
            + "call me on +44 20 7946 0958";

    @Test
    void reviewersAndExportsSeePlaceholdersWhileTheTicketKeepsItsValues() {
        long itemId = ReviewItems.fromSource(em, TICKET + " " + UUID.randomUUID(), "traffic", null, 1);
        Caller reviewer = Caller.reviewer(users, keys);
        Response next = reviewer.request().get("/api/v1/review/next");
        next.then().statusCode(200);
        assertEquals(itemId, ((Number) next.path("itemId")).longValue());
        String shown = next.path("ticket.text");
        assertTrue(shown.startsWith("Hi, I'm [EMAIL], order 48213377 was charged twice on card [CARD] — call me on [PHONE]"), shown);
        assertFalse(shown.contains("jane.doe"), shown);

        reviewer.request().contentType("application/json").body("{\"choice\":\"A\"}").post("/api/v1/review/" + itemId)
                .then().statusCode(201);
        String stored = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(itemId).ticketText);
        assertTrue(stored.contains("jane.doe@example.com") && stored.contains("4111 1111 1111 1111"), "the ticket is kept as written");

        String adminName = "a" + UUID.randomUUID().toString().substring(0, 8);
        ScratchAccounts.user(users.create(adminName, "long-enough-pw", "admin", null));
        String export = Caller.apiKey(keys, adminName).request().get("/api/v1/export/preferences?format=trl").then().statusCode(200)
                .extract().asString();
        String line = export.lines().filter(l -> l.contains("48213377")).reduce((a, b) -> b).orElseThrow();
        assertTrue(line.contains("[EMAIL]") && line.contains("[CARD]") && line.contains("[PHONE]"), line);
        assertFalse(export.contains("jane.doe@example.com"), "no export line carries the address");
    }
}
