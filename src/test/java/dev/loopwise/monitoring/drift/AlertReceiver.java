package dev.loopwise.monitoring.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.QuartzScheduler;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import org.quartz.JobKey;

/**
 * A real HTTP receiver at the webhook address the test configuration names, where retries go whichever instance makes
 * them. It records only the deliveries of one alert, since retries of other tests' alerts may reach the same address.
 */
final class AlertReceiver implements AutoCloseable {
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> types = new CopyOnWriteArrayList<>();
    final List<String> upgrades = new CopyOnWriteArrayList<>();
    final List<String> timestamps = new CopyOnWriteArrayList<>();
    final List<String> signatures = new CopyOnWriteArrayList<>();
    final URI target;
    private final HttpServer server;

    /** Answers attempt n of alert {@code alertId} with {@code answer(n)}, and anything else with 204. */
    AlertReceiver(MonitoringConfig config, long alertId, IntUnaryOperator answer) throws IOException {
        target = URI.create(config.webhookUrl().orElseThrow());
        server = HttpServer.create(new InetSocketAddress(target.getPort()), 0);
        AtomicInteger attempts = new AtomicInteger();
        ObjectMapper json = new ObjectMapper();
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (json.readTree(body).path("alertId").asLong() != alertId) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            bodies.add(body);
            types.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            upgrades.add(String.valueOf(exchange.getRequestHeaders().getFirst("Upgrade")));
            timestamps.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Loopwise-Timestamp")));
            signatures.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Loopwise-Signature")));
            exchange.sendResponseHeaders(answer.applyAsInt(attempts.incrementAndGet()), -1);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The alert's webhook status as the Drift page reads it. */
    static String status(EntityManager em, long alertId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select webhook_status from drift_alerts where id = ?1").setParameter(1, alertId).getSingleResult());
    }

    /** Whether the alert still has a retry job in the clustered store. */
    static boolean retryWaits(EntityManager em, long alertId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from qrtz_job_details where job_group = ?1 and job_name = ?2").setParameter(1, WebhookRetries.GROUP)
                .setParameter(2, Long.toString(alertId)).getSingleResult()).intValue() > 0);
    }

    /** Polls with a generous bound: retries are made by the scheduler, on its own time. */
    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Removes the alert's retry, if one waits, before its row goes; tried again while a firing removes its own trigger. */
    static void forget(QuartzScheduler quartz, long alertId) throws InterruptedException {
        await(() -> {
            try {
                QuarkusTransaction.requiringNew().call(() -> quartz.getScheduler().deleteJob(JobKey.jobKey(Long.toString(alertId),
                        WebhookRetries.GROUP)));
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }, "the retry of alert " + alertId + " to be removed");
    }

    /** The status once no attempt is pending. */
    static String settled(EntityManager em, long alertId) throws InterruptedException {
        await(() -> !String.valueOf(status(em, alertId)).contains("trying again"), "delivery of alert " + alertId + " to settle");
        return status(em, alertId);
    }
}
