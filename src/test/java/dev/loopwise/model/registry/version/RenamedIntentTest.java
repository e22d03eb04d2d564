package dev.loopwise.model.registry.version;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A version trained before an intent was renamed keeps answering that intent, under its new name. */
@QuarkusTest
class RenamedIntentTest {
    private static final String TICKET = "Can you tell me where my order FH-123456 is right now? I would like the tracking number.";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    WorkspaceService workspace;
    @Inject
    ModelRegistry registry;

    @Test
    void aRenamedIntentKeepsItsRepliesInTheServedVersionAndImportsUnderItsOldName() {
        ActiveModel.await();
        Caller client = Caller.service(users, keys);
        Caller admin = Caller.apiKey(keys, "admin");
        client.request().contentType("application/json").body(Map.of("text", TICKET)).post("/api/v1/respond").then()
                .statusCode(200).body("intent.label", equalTo("track_order")).body("response.intent", equalTo("track_order"));
        Intent before = QuarkusTransaction.requiringNew().call(() -> Intent.findByName("track_order").orElseThrow());
        String renamed = "Parcel whereabouts " + System.nanoTime() % 100_000;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try {
            workspace.saveIntent(before.id, renamed, before.description);
            registry.reload(); // as after a restart: the library's replies now carry the new name
            client.request().contentType("application/json").body(Map.of("text", TICKET)).post("/api/v1/respond").then()
                    .statusCode(200).body("intent.label", equalTo(renamed)).body("outOfScope", equalTo(false))
                    .body("response.id", notNullValue()).body("response.intent", equalTo(renamed));
            ModelVersion active = QuarkusTransaction.requiringNew().call(() -> ModelVersion.findActive().orElseThrow());
            List<String> learned = QuarkusTransaction.requiringNew().call(active::learnedIntents);
            assertTrue(learned.contains(renamed) && !learned.contains("track_order"), learned.toString());

            // The old name is the renamed intent's still: no other intent may take it, and a file labelled with it lands there.
            Intent other = QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>find("name not in ?1 order by name",
                    List.of(renamed, "oos")).firstResult());
            ApiException taken = assertThrows(ApiException.class, () -> workspace.saveIntent(other.id, "Track Order", other.description));
            assertEquals("intent_exists", taken.code);
            assertEquals(WorkspaceMessages.formerNameOf("Track Order", renamed), taken.getMessage());
            admin.request().contentType("text/csv").body("text,label\nwhere on earth is parcel " + tag + " now,track_order\n")
                    .post("/api/v1/datasets/tickets").then().statusCode(201).body("labelled", equalTo(1));
            assertFalse(QuarkusTransaction.requiringNew().call(() -> Intent.findByName("track_order").isPresent()),
                    "no second intent under the old name");
            String filed = QuarkusTransaction.requiringNew().call(() -> String.valueOf(Intent.getEntityManager().createNativeQuery(
                    "select i.name from tickets t join intents i on i.id = t.intent_id where t.text like ?1")
                    .setParameter(1, "%" + tag + "%").getSingleResult()));
            assertEquals(renamed, filed);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Intent.getEntityManager().createNativeQuery("delete from tickets where text like ?1")
                    .setParameter(1, "%parcel " + tag + "%").executeUpdate());
            workspace.saveIntent(before.id, "track_order", before.description);
            registry.reload();
        }
        client.request().contentType("application/json").body(Map.of("text", TICKET)).post("/api/v1/respond").then()
                .statusCode(200).body("intent.label", equalTo("track_order"));
    }
}
