package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.DriftMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.QuartzScheduler;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.runtime.Constituent;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * A pending webhook retry is a trigger in Quartz's clustered store, not a timer in the memory of the instance whose attempt
 * failed: the scheduler fires it (on any instance), the retry rebuilds its body from the alert row, and a retry whose alert
 * has meanwhile been sent does nothing.
 */
@QuarkusTest
class WebhookRetryTest {
    private static final WebhookNotifier.Pace QUICK = new WebhookNotifier.Pace(Duration.ofMillis(1500), Duration.ofMillis(50));
    private static final WebhookNotifier.Pace AN_HOUR = new WebhookNotifier.Pace(Duration.ofMillis(1500), Duration.ofHours(1));

    @Inject
    WebhookNotifier notifier;
    @Inject
    WebhookRetries retries;
    @Inject
    DriftOverview overview;
    @Inject
    DriftStore store;
    @Inject
    EntityManager em;
    @Inject
    MonitoringConfig config;
    @Inject
    @Constituent
    QuartzScheduler quartz;

    private static final String EVIDENCE = "{\"windowFrom\": \"2026-01-05T10:00:00Z\", \"windowTo\":"
                        + " \"2026-01-05T11:00:00Z\", \"requests\": 200, \"newTopics\": [], \"signals\": {\"input/mmd\": 0.01}}";

    private final int version = 700_000 + new Random().nextInt(90_000);
    private AlertReceiver receiver;
    private long alertId;

    @BeforeEach
    void alert() {
        alertId = TestAlert.create(em, version, EVIDENCE);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (receiver != null) {
            receiver.close();
        }
        TestAlert.remove(em, quartz, version, alertId);
    }

    @Test
    void theReceiverListensOnAPortChosenWhenTheRunStartedNotOneEveryRunShares() throws Exception {
        int port = URI.create(config.webhookUrl().orElseThrow()).getPort();
        assertNotEquals(18765, port, "the fixed port two runs on one machine would both bind");
        assertTrue(port >= 20_000 && port < 32_000, "below the range of outgoing connections: " + port);
        receiver = new AlertReceiver(config, alertId, attempt -> 204);
        assertEquals(port, receiver.target.getPort());
    }

    @Test
    void aFailedFirstAttemptLeavesItsRetryInTheClusteredStoreAndTheAlertWaitingForIt() throws Exception {
        receiver = new AlertReceiver(config, alertId, attempt -> 503);
        Instant before = Instant.now();

        String status = deliver(AN_HOUR).get(10, TimeUnit.SECONDS);

        assertTrue(status.matches("attempt 1 of 3 failed \\(the receiver answered HTTP 503\\); trying again at \\d\\d:\\d\\d:\\d\\d UTC"),
                status);
        assertEquals(status, AlertReceiver.status(em, alertId));
        List<?> triggers = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select t.trigger_name, t.next_fire_time, j.requests_recovery, j.is_nonconcurrent from qrtz_triggers t
                join qrtz_job_details j on j.sched_name = t.sched_name and j.job_name = t.job_name and j.job_group = t.job_group
                where t.trigger_group = ?1 and t.job_name = ?2""").setParameter(1, WebhookRetries.GROUP)
                .setParameter(2, Long.toString(alertId)).getResultList());
        assertEquals(1, triggers.size(), "one retry waits, in the database");
        Object[] trigger = (Object[]) triggers.get(0);
        assertEquals(alertId + "-2", trigger[0], "the second attempt");
        long due = ((Number) trigger[1]).longValue();
        assertTrue(due >= before.plus(Duration.ofMinutes(59)).toEpochMilli() && due <= Instant.now().plus(Duration.ofHours(1)).toEpochMilli(),
                "due after the pace's wait: " + Instant.ofEpochMilli(due));
        assertEquals(List.of(true, true), List.of(trigger[2], trigger[3]), "made again after a crash, never twice at once");

        // Long after any in-memory retry would have run: a retry held in the store is still awaited, not said to be lost.
        sql("update drift_alerts set created_at = now() - interval '1 hour' where id = " + alertId);
        assertEquals(status, shown());
        // Quartz's error state (an instance that could not load the job, say an older version in a rolling deploy) never fires.
        String itsTrigger = " where trigger_group = '" + WebhookRetries.GROUP + "' and job_name = '" + alertId + "'";
        sql("update qrtz_triggers set trigger_state = 'ERROR'" + itsTrigger);
        assertEquals(DriftMessages.webhookAbandoned(status), shown(), "a trigger no instance will fire is no retry either");
        sql("update qrtz_triggers set trigger_state = 'WAITING'" + itsTrigger);
        assertEquals(status, shown());
        AlertReceiver.forget(quartz, alertId);
        assertEquals(DriftMessages.webhookAbandoned(status), shown(), "with no job behind it, the page says it will not come");
        assertEquals(1, receiver.bodies.size());
    }

    @Test
    void theRetryFiredByTheSchedulerRebuildsTheAlertAndTheAlertReadsSent() throws Exception {
        receiver = new AlertReceiver(config, alertId, attempt -> attempt < 2 ? 503 : 204);

        deliver(QUICK).get(10, TimeUnit.SECONDS);

        assertEquals("sent, HTTP 204 (attempt 2 of 3)", AlertReceiver.settled(em, alertId));
        AlertReceiver.await(() -> !AlertReceiver.retryWaits(em, alertId), "the retry job to go once done");
        assertEquals(2, receiver.bodies.size());
        JsonNode first = new ObjectMapper().readTree(receiver.bodies.get(0));
        JsonNode retried = new ObjectMapper().readTree(receiver.bodies.get(1));
        assertEquals(first, retried, "the retry sends what the first attempt sent, rebuilt from the alert row");
        assertEquals(List.of("text", "alertId", "windowFrom", "windowTo", "requests", "newTopics", "signals", "alert", "modelVersion"),
                fieldNames(retried), "in the order of the first attempt");
        String secret = config.webhookSecret().orElseThrow();
        assertEquals(signature(secret, receiver.timestamps.get(1), receiver.bodies.get(1)), receiver.signatures.get(1),
                "signed afresh with the configured secret");
    }

    @Test
    void aRetryForAnAlertSentMeanwhileDoesNothing() throws Exception {
        receiver = new AlertReceiver(config, alertId, attempt -> 200);
        Instant due = Instant.now().plus(Duration.ofHours(1));
        retries.schedule(alertId, 2, due, QUICK, DriftMessages.webhookRetrying(1, 3, "the receiver answered HTTP 503", due));
        assertTrue(AlertReceiver.retryWaits(em, alertId));
        sql("update drift_alerts set webhook_status = 'sent, HTTP 200' where id = " + alertId);

        TriggerKey key = TriggerKey.triggerKey(alertId + "-2", WebhookRetries.GROUP);
        QuarkusTransaction.requiringNew().call(() -> {
            Trigger now = TriggerBuilder.newTrigger().withIdentity(key).forJob(quartz.getScheduler().getTrigger(key).getJobKey())
                    .usingJobData(WebhookRetries.ATTEMPT, "2").startNow().withSchedule(SimpleScheduleBuilder.simpleSchedule()).build();
            return quartz.getScheduler().rescheduleJob(key, now);
        });
        AlertReceiver.await(() -> !AlertReceiver.retryWaits(em, alertId), "the retry to fire");

        assertEquals(List.of(), receiver.bodies, "nothing sent again");
        assertEquals("sent, HTTP 200", AlertReceiver.status(em, alertId));
    }

    @Test
    void aRetryDueAfterTheAddressWasRemovedEndsTheDeliverySayingSo() {
        Instant due = Instant.now().plus(Duration.ofHours(1));
        String retrying = DriftMessages.webhookRetrying(1, 3, "the receiver answered HTTP 503", due);
        sql("update drift_alerts set webhook_status = '" + retrying + "' where id = " + alertId);
        // An instance started since without LOOPWISE_MONITORING_WEBHOOK_URL, on the same database.
        WebhookNotifier restarted = new WebhookNotifier();
        restarted.config = new SmallRyeConfigBuilder().withMapping(MonitoringConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).build().getConfigMapping(MonitoringConfig.class);
        restarted.store = store;

        restarted.retry(alertId, 2, QUICK);

        assertEquals("attempt 1 of 3 failed (the receiver answered HTTP 503); not tried again, as LOOPWISE_MONITORING_WEBHOOK_URL is"
                + " no longer set", AlertReceiver.status(em, alertId));
    }

    private CompletableFuture<String> deliver(WebhookNotifier.Pace pace) {
        return notifier.deliver(receiver.target, config.webhookSecret(), WebhookFormat.JSON, alertId, version,
                "Customers write about something new.", WebhookNotifier.payload(Map.of("windowFrom", "2026-01-05T10:00:00Z", "windowTo",
                        "2026-01-05T11:00:00Z", "requests", 200, "newTopics", List.of(), "signals", Map.of("input/mmd", 0.01)),
                        new DriftDetector.Alert("input/mmd", 0.01, 0.002, "Customers write about something new."), version), pace);
    }

    private String shown() {
        for (JsonNode alert : overview.read().alerts()) {
            if (alert.path("id").asLong() == alertId) {
                return alert.path("webhookStatus").asText();
            }
        }
        throw new AssertionError("alert " + alertId + " is not on the Drift page");
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String signature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
