package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.DriftMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook retry waits in Quartz's store; one with no job behind it (kept in memory by an earlier version whose instance
 * stopped, or removed) must not say "trying again" for ever: once every retry would long have run, the Drift page and the API
 * say it never will. A retry still held in the store stays awaited (WebhookRetryTest).
 */
@QuarkusTest
class AbandonedWebhookTest {
    private static final String RETRYING = "attempt 1 of 3 failed (the receiver answered HTTP 503); trying again";

    @Inject
    DriftOverview overview;
    @Inject
    EntityManager em;

    private final int version = 800_000 + new Random().nextInt(90_000);

    @AfterEach
    void cleanUp() {
        sql("delete from drift_alerts where model_version = " + version);
        sql("delete from drift_reports where model_version = " + version);
    }

    @Test
    void aRetryLongOverdueIsSaidNeverToComeWhileARecentOneIsStillAwaited() {
        sql("insert into drift_reports (model_version, requests, signals) values (" + version + ", 200, '{}')");
        alert("now() - interval '10 minutes'", RETRYING);
        alert("now() - interval '20 seconds'", RETRYING);
        alert("now() - interval '1 hour'", "failed after 3 attempts: the receiver answered HTTP 500");
        alert("now() - interval '1 hour'", "sent, HTTP 200 (attempt 2 of 3)");

        Map<String, String> statuses = new HashMap<>();
        for (JsonNode alert : overview.read().alerts()) {
            if (alert.path("modelVersion").asInt() == version) {
                statuses.put(alert.path("message").asText(), alert.path("webhookStatus").asText());
            }
        }

        assertEquals(4, statuses.size(), statuses.toString());
        assertEquals("attempt 1 of 3 failed (the receiver answered HTTP 503); not tried again, as no Loopwise instance holds its next"
                + " attempt", statuses.get("10 minutes"));
        assertEquals(RETRYING, statuses.get("20 seconds"), "its next attempt may still come");
        assertEquals("failed after 3 attempts: the receiver answered HTTP 500", statuses.get("1 hour failed"));
        assertEquals("sent, HTTP 200 (attempt 2 of 3)", statuses.get("1 hour sent"));
    }

    private void alert(String createdAt, String status) {
        String name = createdAt.replaceAll(".*'(.*)'.*", "$1") + (status.startsWith("failed") ? " failed" : status.startsWith("sent")
                ? " sent" : "");
        sql("insert into drift_alerts (report_id, model_version, signal, value, threshold, message, webhook_status, created_at)"
                + " select id, " + version + ", 'input/mmd', 0.01, 0.002, '" + name + "', '" + status + "', " + createdAt
                + " from drift_reports where model_version = " + version);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    @Test
    void aRetryWithALongProblemStillFitsAndStillSaysItIsRetrying() {
        String problem = "SSLHandshakeException: PKIX path building failed: " + "unable to find valid certification path ".repeat(8);
        String retrying = DriftMessages.webhookRetrying(1, 3, problem, Instant.parse("2026-01-05T10:15:30Z"));
        assertTrue(retrying.length() <= DriftMessages.WEBHOOK_STATUS_LENGTH, retrying);
        assertTrue(retrying.startsWith("attempt 1 of 3 failed (SSLHandshakeException: PKIX path building failed") && retrying.endsWith(
                "…); trying again at 10:15:30 UTC"), retrying);
        for (String ended : List.of(DriftMessages.webhookAbandoned(retrying), DriftMessages.webhookUrlRemoved(retrying))) {
            assertTrue(ended.length() <= DriftMessages.WEBHOOK_STATUS_LENGTH, ended);
            assertTrue(ended.startsWith("attempt 1 of 3 failed (SSLHandshakeException") && ended.contains("…); not tried again, as "),
                    ended);
        }
        assertTrue(DriftMessages.webhookUrlRemoved(retrying).endsWith("as LOOPWISE_MONITORING_WEBHOOK_URL is no longer set"));
    }
}
