package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;

/** Waiting, as an admin would, for what the packaged application does in the background. */
final class AdminWaits {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminWaits() {
    }

    static int activeVersion() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            long active = PackagedApp.count("select coalesce(max(version), 0) from model_versions where status = 'active'");
            if (active > 0) {
                return (int) active;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no active version");
    }

    static int trained(String proxy, String admin, long run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = JSON.readTree(PackagedApp.get(proxy + "/api/v1/training-runs/" + run, admin).body());
            if (r.get("status").asText().equals("succeeded")) {
                return r.get("version").asInt();
            }
            assertTrue(r.get("status").asText().equals("queued") || r.get("status").asText().equals("running"), r.toString());
            Thread.sleep(300);
        }
        throw new AssertionError("training run " + run + " did not finish");
    }

    static void step(String base, String admin, long round, String step) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = JSON.readTree(PackagedApp.get(base + "/api/v1/rounds/" + round, admin).body());
            if (r.path("step").asText().startsWith(step)) {
                Thread.sleep(1000); // well inside the step
                return;
            }
            assertTrue(r.get("status").asText().equals("running") || r.get("status").asText().equals("queued"), r.toString());
            Thread.sleep(200);
        }
        throw new AssertionError("the round never reached: " + step);
    }

    /** The survivor fails the dead instance's round once its heartbeat is stale (20 s here), or it ended otherwise. */
    static JsonNode roundEnded(String base, String admin, long round) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = JSON.readTree(PackagedApp.get(base + "/api/v1/rounds/" + round, admin).body());
            String status = r.get("status").asText();
            if (!status.equals("running") && !status.equals("queued")) {
                return r;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("round " + round + " stayed running after its instance died");
    }
}
