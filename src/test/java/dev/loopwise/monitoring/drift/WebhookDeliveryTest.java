package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.QuartzScheduler;
import io.quarkus.scheduler.runtime.Constituent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts reach a real HTTP receiver on this machine: in a form chat services show, retried a bounded number of times when the
 * receiver fails or is slow (by the clustered scheduler, at the configured address), without holding up whoever raised the
 * alert, and with the outcome on the alert for the Drift page.
 */
@QuarkusTest
class WebhookDeliveryTest {
    private static final WebhookNotifier.Pace QUICK = new WebhookNotifier.Pace(Duration.ofMillis(1500), Duration.ofMillis(50));
    private static final String SECRET_PATH = "/services/T000/B000/s3cr3tt0ken";

    @Inject
    WebhookNotifier notifier;
    @Inject
    EntityManager em;
    @Inject
    MonitoringConfig config;
    @Inject
    @Constituent
    QuartzScheduler quartz;

    private final int version = 900_000 + new Random().nextInt(90_000);
    private AlertReceiver receiver;
    private long alertId;

    @BeforeEach
    void alert() {
        alertId = TestAlert.create(em, version, "{}");
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (receiver != null) {
            receiver.close();
        }
        TestAlert.remove(em, quartz, version, alertId);
    }

    @Test
    void aChatServiceGetsOneLineToShowAndTheFieldsAfterIt() throws Exception {
        URI target = receive(attempt -> 200);

        String status = deliver(target).get(10, TimeUnit.SECONDS);

        assertEquals("sent, HTTP 200", status);
        assertEquals(status, stored());
        assertEquals(1, receiver.bodies.size());
        assertEquals("application/json", receiver.types.get(0));
        assertEquals("null", receiver.upgrades.get(0), "a plain HTTP/1.1 POST, without asking to upgrade to HTTP/2");
        JsonNode body = new ObjectMapper().readTree(receiver.bodies.get(0));
        assertEquals("Loopwise drift alert on model v" + version + ": Customers write about something new. Open Drift in Loopwise"
                + " for the evidence and what to do next.", body.path("text").asText());
        assertEquals(alertId, body.path("alertId").asLong(), "a receiver can tell a retried alert from a new one");
        assertEquals(version, body.path("modelVersion").asInt());
        assertEquals("input/mmd", body.path("alert").path("signal").asText());
        assertEquals(200, body.path("requests").asInt());
        assertEquals(List.of("null"), receiver.signatures, "no secret given, nothing signed");
        assertEquals(List.of("null"), receiver.timestamps);
    }

    @Test
    void withASecretEveryAttemptIsSignedOverItsTimestampAndBody() throws Exception {
        String secret = config.webhookSecret().orElseThrow();
        URI recovering = receive(attempt -> attempt < 2 ? 503 : 200);

        assertTrue(deliver(recovering, Optional.of(secret)).get(10, TimeUnit.SECONDS).startsWith(
                "attempt 1 of 3 failed (the receiver answered HTTP 503); trying again at "));
        assertEquals("sent, HTTP 200 (attempt 2 of 3)", AlertReceiver.settled(em, alertId), "the retry signs with the configured secret");

        List<String> bodies = receiver.bodies;
        assertEquals(2, bodies.size());
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < bodies.size(); i++) {
            long timestamp = Long.parseLong(receiver.timestamps.get(i));
            assertTrue(Math.abs(now - timestamp) < 60, "a timestamp in seconds, as a receiver checks it: " + timestamp);
            assertEquals(received(secret, receiver.timestamps.get(i), bodies.get(i)), receiver.signatures.get(i));
        }
        String first = receiver.signatures.get(0);
        String timestamp = receiver.timestamps.get(0);
        assertNotEquals(first, received("a guessed secret", timestamp, bodies.get(0)));
        assertNotEquals(first, received(secret, String.valueOf(Long.parseLong(timestamp) + 300), bodies.get(0)),
                "a replay under a new timestamp does not match");
        assertNotEquals(first, received(secret, timestamp, bodies.get(0).replace("input/mmd", "input/psi")));
    }

    /** What a receiver computes, as README shows it: HMAC-SHA256 of "<timestamp>.<body>" under the shared secret. */
    private static String received(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReceiverThatRecoversIsTriedUntilItTakesTheAlert() throws Exception {
        URI recovering = receive(attempt -> attempt < 3 ? 503 : 200);
        deliver(recovering).get(10, TimeUnit.SECONDS);
        assertEquals("sent, HTTP 200 (attempt 3 of 3)", AlertReceiver.settled(em, alertId));
        assertEquals(3, receiver.bodies.size());
    }

    @Test
    void aFailingReceiverIsTriedThreeTimesAndNoMore() throws Exception {
        URI failing = receive(attempt -> 500);
        deliver(failing).get(10, TimeUnit.SECONDS);

        assertEquals("failed after 3 attempts: the receiver answered HTTP 500", AlertReceiver.settled(em, alertId), "the Drift page shows it");
        AlertReceiver.await(() -> !AlertReceiver.retryWaits(em, alertId), "the retry job to go");
        assertEquals(3, receiver.bodies.size(), "no fourth attempt");
    }

    @Test
    void aSlowOrAbsentReceiverHoldsNothingUpAndIsNamedWithoutItsSecretPath() throws Exception {
        URI slow = receive(attempt -> {
            sleep(4000);
            return 200;
        });
        long started = System.nanoTime();
        var delivery = deliver(slow);
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(300), "delivery runs beside the caller");
        assertFalse(delivery.isDone());
        assertTrue(delivery.get(20, TimeUnit.SECONDS).startsWith("attempt 1 of 3 failed (no answer within 1500 ms); trying again at "));
        assertEquals("failed after 3 attempts: no answer within 1500 ms", AlertReceiver.settled(em, alertId));
        receiver.close();
        receiver = null;
        AlertReceiver.await(() -> !AlertReceiver.retryWaits(em, alertId), "the retry job to go");

        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        sql("update drift_alerts set webhook_status = null where id = " + alertId);
        String absent = deliver(URI.create("http://127.0.0.1:" + closed + SECRET_PATH)).get(10, TimeUnit.SECONDS);
        assertTrue(absent.startsWith("attempt 1 of 3 failed (nothing answered at http://127.0.0.1:" + closed + "); trying again at "),
                absent);
        assertFalse(absent.contains("s3cr3t"), absent);
    }

    private CompletableFuture<String> deliver(URI target) {
        return deliver(target, Optional.empty());
    }

    private CompletableFuture<String> deliver(URI target, Optional<String> secret) {
        return notifier.deliver(target, secret, WebhookFormat.JSON, alertId, version, "Customers write about something new.",
                Map.of("modelVersion", version, "requests", 200, "alert", Map.of("signal", "input/mmd")), QUICK);
    }

    private URI receive(IntUnaryOperator answer) throws IOException {
        receiver = new AlertReceiver(config, alertId, answer);
        return receiver.target;
    }

    private String stored() {
        return AlertReceiver.status(em, alertId);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
