package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Instances started with changed LOOPWISE_LLM_* settings leave one audit entry for the change — not one per start, and
 * never the key, only that it changed.
 */
@QuarkusTest
class LlmConfigAuditTest {
    private static final String KEY = "sk-config-secret-0123456789";

    @Inject
    LlmConfigAudit configAudit;
    @Inject
    EntityManager em;
    private final String model = "configured-" + UUID.randomUUID();

    @AfterEach
    void forgetTheEntries() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from audit_events where action = ?1 and details->>'model' = ?2")
                .setParameter(1, LlmConfigAudit.CONFIGURED).setParameter(2, model).executeUpdate());
    }

    @Test
    void aChangedConfigurationIsRecordedOnceAndItsKeyNever() {
        Map<String, String> first = settings(KEY, 3);
        assertTrue(start(first), "settings unlike the ones last recorded are recorded");
        assertFalse(start(first), "a second instance, or a restart, with the same settings records nothing");
        assertFalse(start(settings(KEY, 3)), "nor does an equal copy");

        assertTrue(start(settings(KEY + "-rotated", 3)), "a new key is a change");
        assertFalse(start(settings(KEY + "-rotated", 3)));
        assertTrue(start(settings(KEY + "-rotated", 5)), "so is any other setting");

        List<?> recorded = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(details as text) from audit_events where action = ?1 and details->>'model' = ?2 order by id")
                .setParameter(1, LlmConfigAudit.CONFIGURED).setParameter(2, model).getResultList());
        assertEquals(3, recorded.size(), String.valueOf(recorded));
        recorded.forEach(details -> assertFalse(String.valueOf(details).contains("config-secret"), "never the key: " + details));
        assertTrue(String.valueOf(recorded.get(1)).contains("\"keyChanged\": true"), String.valueOf(recorded.get(1)));
        assertTrue(String.valueOf(recorded.get(2)).contains("\"keyChanged\": false")
                && String.valueOf(recorded.get(2)).contains("\"changed\": [\"drafts\"]"), String.valueOf(recorded.get(2)));
    }

    private Map<String, String> settings(String key, int drafts) {
        return configAudit.settings(new LlmSettings(true, "http://llm.example:11434/v1", model, key, Duration.ofSeconds(10), drafts, 0.7,
                "Brief.", "the configuration"), 300);
    }

    private boolean start(Map<String, String> settings) {
        return QuarkusTransaction.requiringNew().call(() -> configAudit.recordIfChanged(settings));
    }
}
