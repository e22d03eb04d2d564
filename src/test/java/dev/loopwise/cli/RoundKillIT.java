package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/**
 * A real kill -9 in the middle of an alignment round: the active version keeps serving, no judgement
 * is lost, the round is marked failed once its heartbeat is stale, and running it again works.
 */
class RoundKillIT {
    static final int PORT = 18091;
    static final ObjectMapper JSON = new ObjectMapper();
    final String base = "http://localhost:" + PORT;

    @Test
    void killingTheProcessMidRoundLeavesTheActiveVersionServing() throws Exception {
        PackagedApp.dropDatabase();
        var env = new HashMap<>(PackagedApp.environment(PORT));
        env.put("LOOPWISE_ALIGNMENT_HEARTBEAT_STALENESS", "20s"); // the default (2 minutes) would only make the test wait
        assertEquals(0, PackagedApp.run(env, "db-init").exitCode());
        Path log = Files.createTempFile("loopwise-kill", ".log");
        Process server = PackagedApp.start(env, log, "demo");
        String admin;
        int active;
        long judgements;
        long round;
        try {
            admin = PackagedApp.run(env, "api-key", "create", "--user", "admin").stdout().strip();
            active = awaitActiveVersion(admin);
            for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
                judge(PackagedApp.run(env, "api-key", "create", "--user", reviewer).stdout().strip(), 20);
            }
            judgements = PackagedApp.count("select count(*) from judgements");
            assertTrue(judgements >= 50, "judgements: " + judgements);

            round = JSON.readTree(PackagedApp.postJson(base + "/api/v1/rounds", admin, "{\"policyEpochs\":5000}").body()).get("roundId").asLong();
            AdminWaits.step(base, admin, round, "Choosing better replies");
            server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
        } catch (Throwable e) {
            PackagedApp.stop(server); // a server left behind would answer the next run's requests on this port
            throw e;
        }

        assertEquals("running", PackagedApp.text("select status from alignment_rounds where id = " + round));
        assertEquals(active, PackagedApp.count("select version from model_versions where status = 'active'"));
        assertEquals(judgements, PackagedApp.count("select count(*) from judgements"));

        server = PackagedApp.start(env, log, "demo");
        try {
            // Nobody beats for the killed round any more: an instance fails it once the heartbeat is stale.
            JsonNode after = awaitStatusOtherThan(admin, round, "running");
            assertEquals("failed", after.get("status").asText());
            assertTrue(after.get("reason").asText().startsWith("Interrupted"), after.toString());
            JsonNode served = JSON.readTree(PackagedApp.postJson(base + "/api/v1/respond", admin, "{\"text\":\"where is my order\"}").body());
            assertEquals(active, served.get("modelVersion").asInt());

            long again = JSON.readTree(PackagedApp.postJson(base + "/api/v1/rounds", admin, "{}").body()).get("roundId").asLong();
            String status = awaitFinished(admin, again);
            // The round runs to a decision: whichever one 60 judgements support, but not a failure.
            assertTrue(status.equals("promoted") || status.equals("rejected") || status.equals("needs_evidence"), status);
        } finally {
            PackagedApp.stop(server);
        }
    }

    private void judge(String key, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            var next = PackagedApp.get(base + "/api/v1/review/next", key);
            if (next.statusCode() != 200) {
                return;
            }
            JsonNode item = JSON.readTree(next.body());
            String choice = item.at("/candidates/0/text").asText().length() <= item.at("/candidates/1/text").asText().length() ? "A" : "B";
            assertEquals(201, PackagedApp.postJson(base + "/api/v1/review/" + item.get("itemId").asLong(), key,
                    "{\"choice\":\"" + choice + "\"}").statusCode());
        }
    }

    private int awaitActiveVersion(String admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode v : JSON.readTree(PackagedApp.get(base + "/api/v1/models", admin).body())) {
                if (v.get("status").asText().equals("active")) {
                    return v.get("version").asInt();
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no active version");
    }

    private JsonNode awaitStatusOtherThan(String admin, long round, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = JSON.readTree(PackagedApp.get(base + "/api/v1/rounds/" + round, admin).body());
            if (!r.get("status").asText().equals(status)) {
                return r;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("round " + round + " stayed " + status);
    }

    private String awaitFinished(String admin, long round) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = JSON.readTree(PackagedApp.get(base + "/api/v1/rounds/" + round, admin).body());
            String status = r.get("status").asText();
            if (!status.equals("running") && !status.equals("queued")) {
                return status;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("round " + round + " did not finish");
    }
}
