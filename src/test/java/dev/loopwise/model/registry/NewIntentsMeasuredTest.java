package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A version that learned new intents is only said to answer them well when some of their tickets were held out. */
@QuarkusTest
class NewIntentsMeasuredTest {
    @Inject
    EntityManager em;

    @Test
    void newIntentsWithoutHeldOutTicketsAreSaidToBeUnmeasured() {
        ActiveModel.await();
        long tracking = ticketOf("track_order");
        long cancelling = ticketOf("cancel_order");
        ModelVersion active = version(1, List.of("cancel_order", "oos"), List.of(cancelling));
        String unmeasured = QuarkusTransaction.requiringNew().call(() -> VersionComparison.compare(
                version(3, List.of("cancel_order", "oos", "track_order"), List.of(cancelling)), active));
        assertTrue(unmeasured.startsWith("v3 knows 1 intent the active v1 never learned (track_order)")
                && unmeasured.contains("None of its tickets was kept aside to test v3 on, so how well it answers them is not measured.")
                && unmeasured.endsWith("promote v3 below if customers need it answered now."), unmeasured);
        String measured = QuarkusTransaction.requiringNew().call(() -> VersionComparison.compare(
                version(3, List.of("cancel_order", "oos", "track_order"), List.of(cancelling, tracking)), active));
        assertTrue(measured.endsWith("promote v3 below."), measured);
    }

    private long ticketOf(String intent) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select t.id from tickets t join intents i on"
                + " i.id = t.intent_id where i.name = ?1 order by t.id limit 1").setParameter(1, intent).getSingleResult()).longValue());
    }

    private static ModelVersion version(int number, List<String> intents, List<Long> testTickets) {
        ModelVersion v = new ModelVersion();
        v.version = number;
        v.status = number == 1 ? ModelVersion.ACTIVE : "candidate";
        v.regime = IntentHead.TRAINED;
        v.metrics = new LinkedHashMap<>(Map.of("intent/accuracy", 0.9, "data/test_tickets", 100));
        v.lineage = new LinkedHashMap<>(Map.of("intents", intents, "testTicketIds", testTickets));
        return v;
    }
}
