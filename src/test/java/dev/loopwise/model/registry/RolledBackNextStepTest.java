package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.ScratchIntents;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a round's version was promoted by hand and rolled back from, the Models page still says the active version never
 * learned an intent labelled since, first, since neither version answers it, and then what to do with the version rolled back from.
 */
@QuarkusTest
class RolledBackNextStepTest {
    @Test
    void theIntentNeverLearnedComesFirstThenTheVersionRolledBackFrom() {
        int active = ActiveModel.await();
        String intent = "pickup_" + UUID.randomUUID().toString().substring(0, 8);
        int rolledBack = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion base = ModelVersion.findByVersion(active).orElseThrow();
            Intent added = new Intent();
            added.name = intent;
            added.description = "Collecting an order at a store";
            added.persist();
            for (int i = 0; i < 3; i++) {
                Ticket.of("can I collect my order at the store " + intent + " " + i, added, null, "train", Ticket.SOURCE_IMPORT).persist();
            }
            ModelVersion fromRound = new ModelVersion();
            fromRound.version = ModelVersion.nextVersionNumber() + 1000;
            fromRound.status = ModelVersion.RETIRED;
            fromRound.encoderId = base.encoderId;
            fromRound.regime = base.regime;
            fromRound.parameters = new byte[] {1};
            fromRound.checksum = "rolled-back-" + intent;
            fromRound.activatedAt = OffsetDateTime.now().minusHours(1);
            fromRound.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 1, "baseVersion", active, "passedGates", false,
                    "gateOutcome", "wait"));
            fromRound.metrics = new LinkedHashMap<>(Map.of("eval/reply_intent_tickets", 40, "eval/candidate_reply_intent", 0.8,
                    "eval/active_reply_intent", 0.82));
            fromRound.persist();
            return fromRound.version;
        });
        try {
            String page = Caller.session("admin").request().accept("text/html").get("/admin/models").then().statusCode(200)
                    .extract().asString();
            int never = page.indexOf("v" + active + " answers customers, but it never learned");
            int asFor = page.indexOf("As for v" + rolledBack + " (it answered customers before): v" + rolledBack + " was made by round 1");
            assertTrue(never >= 0 && asFor > never && page.substring(never, asFor).contains(intent)
                    && page.substring(never, asFor).contains("(it has 3)"), page);
            assertTrue(page.substring(asFor).contains("keep v" + active + "."), page);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version", rolledBack));
            ScratchIntents.deleteWithTickets(intent);
        }
    }
}
