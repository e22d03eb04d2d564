package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Answered requests show in Prometheus' scrape: the outcome counter, the latency and batch histograms, the queue gauge. */
@QuarkusTest
class ServingMetricsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void answeredRequestsAreCountedAndTimed() {
        ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        double before = value(scrape(admin), "loopwise_serving_requests_total\\{outcome=\"answered\"");
        for (int i = 0; i < 5; i++) {
            admin.request().contentType("application/json").body("{\"text\":\"where is my parcel " + UUID.randomUUID() + "\"}")
                    .post("/api/v1/respond").then().statusCode(200);
        }
        String metrics = scrape(admin);
        double after = value(metrics, "loopwise_serving_requests_total\\{outcome=\"answered\"");
        assertTrue(after >= before + 5, "answered before " + before + ", after " + after);
        assertTrue(value(metrics, "loopwise_serving_request_seconds_count") >= 5, "the latency histogram counts them");
        assertTrue(metrics.contains("loopwise_serving_request_seconds_bucket{"), "with buckets, for p95 across instances");
        assertTrue(value(metrics, "loopwise_serving_batch_size_count") >= 1, "batches are recorded");
        assertTrue(value(metrics, "loopwise_serving_encode_seconds_count") >= 1, "encoder time is recorded");
        assertTrue(metrics.contains("loopwise_serving_queue_depth"), "the queue gauge is there");
        assertTrue(metrics.contains("loopwise_serving_requests_total{outcome=\"overloaded\""), "every outcome is exported, zero or not");
    }

    private static String scrape(Caller admin) {
        return admin.request().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "[^\\n]*? ([0-9.eE+-]+)$").matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            found = true;
        }
        assertTrue(found, "no " + name + " in the scrape");
        return sum;
    }
}
