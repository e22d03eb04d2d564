package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every instance's Prometheus gauges give the newest drift check's signals, whichever instance ran it. */
@QuarkusTest
class DriftMetricsTest {
    @Inject
    DriftMetrics metrics;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aCheckAnotherInstanceRanIsWhatThisInstanceReports() {
        int version = 900_000 + new Random().nextInt(90_000); // no real version: its checks are only this one
        String signal = "elsewhere/" + UUID.randomUUID();
        try {
            // Stored as a check on another instance stores it: this instance never computed it.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into drift_reports (model_version, requests, signals)"
                    + " values (?1, 200, cast(?2 as jsonb))").setParameter(1, version)
                    .setParameter(2, "{\"" + signal + "\": 0.4321, \"note\": \"not a number\"}").executeUpdate());

            metrics.refresh();

            String scraped = Caller.apiKey(keys, "admin").request().get("/q/metrics").then().statusCode(200).extract().asString();
            String line = scraped.lines().filter(l -> l.startsWith("loopwise_drift_signal{") && l.contains("signal=\"" + signal + "\""))
                    .findFirst().orElse("");
            assertTrue(line.endsWith(" 0.4321"), "the newest check's signal is reported: '" + line + "'");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from drift_reports where model_version = ?1")
                    .setParameter(1, version).executeUpdate());
            metrics.refresh();
        }
    }
}
