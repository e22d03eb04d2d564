package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Once drift's proposal is decided, the overview still says that customers ask about a new topic, until an intent is
 * made after the alert.
 */
@QuarkusTest
class NewTopicAttentionTest {
    @Inject
    NewTopicAttention newTopics;
    @Inject
    EntityManager em;

    @Test
    void aNewTopicWithNoIntentMadeSinceIsTheOverviewsNextStep() {
        int active = ActiveModel.await();
        String found = "12 requests look like a new topic, e.g. \"topic " + UUID.randomUUID() + "\".";
        long report = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_reports"
                + " (model_version, requests, signals) values (?1, 200, '{}') returning id").setParameter(1, active).getSingleResult()).longValue());
        // Dated ahead, so that no intent another test makes meanwhile counts as made after it.
        long alert = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_alerts (report_id,"
                + " model_version, signal, value, threshold, message, created_at) values (?1, ?2, 'new_topic', 12, 5, ?3,"
                + " now() + interval '1 day') returning id").setParameter(1, report).setParameter(2, active).setParameter(3, found)
                .getSingleResult()).longValue());
        try {
            Optional<FirstWeek.Step> step = QuarkusTransaction.requiringNew().call(() -> newTopics.step());
            assertTrue(step.isPresent(), "a new topic without an intent since needs the lead");
            assertTrue(step.get().action().contains(found) && step.get().action().contains("make these requests an intent")
                    && step.get().href().startsWith("/admin/drift"), step.get().action());
            // An intent made after the alert answers it (here: the alert dated before every intent).
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update drift_alerts set created_at = timestamptz"
                    + " '2000-01-01 00:00:00+00' where id = ?1").setParameter(1, alert).executeUpdate());
            Optional<FirstWeek.Step> after = QuarkusTransaction.requiringNew().call(() -> newTopics.step());
            assertFalse(after.map(s -> s.action().contains(found)).orElse(false), after.toString());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from drift_alerts where id = ?1").setParameter(1, alert).executeUpdate();
                em.createNativeQuery("delete from drift_reports where id = ?1").setParameter(1, report).executeUpdate();
            });
        }
    }
}
