package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one database and one session key, behind Debian's HAProxy: 50 reviewers judge
 * through the proxy while an alignment round runs, the instance running the round is killed with SIGKILL,
 * and the reviewers carry on. Every judgement is stored once, the round does not stay running, and both
 * instances serve the same active version — a switch made on one reaches the other by notification.
 */
class TwoInstancesIT {
    /** Ports: base + 1 and base + 2 for the instances, base + 3 for HAProxy (LOOPWISE_IT_PORT_BASE moves them). */
    static final int BASE = Integer.parseInt(System.getenv().getOrDefault("LOOPWISE_IT_PORT_BASE", "18100"));
    static final List<Integer> PORTS = List.of(BASE + 1, BASE + 2);
    static final int REVIEWERS = 50;
    static final ObjectMapper JSON = new ObjectMapper();

    final Process[] instances = new Process[2];
    final Path[] logs = new Path[2];
    Map<String, String>[] envs;
    String admin;

    @Test
    void fiftyReviewersAndARoundSurviveTheLossOfAnInstance() throws Exception {
        PackagedApp.dropDatabase();
        envs = new Map[] {environment(PORTS.get(0)), environment(PORTS.get(1))};
        assertEquals(0, PackagedApp.run(envs[0], "db-init").exitCode());
        try (AutoCloseable stopAll = this::stopInstances) {
            // Started together, as an operator would: the second comes up while the first still trains the demo's first
            // version (a longer policy training makes sure of it) and serves that version once it is ready.
            Map<String, String> slowFirstTraining = new HashMap<>(envs[0]);
            slowFirstTraining.put("LOOPWISE_MODEL_TRAINING_POLICY_EPOCHS", "1000");
            start(0, slowFirstTraining);
            step("first instance ready");
            start(1, envs[1]);
            step("second instance ready");
            assertTrue(Files.readString(logs[1]).contains("The demo's first model version is being trained"),
                    "the second instance came up while the first version was being trained");
            admin = PackagedApp.run(envs[0], "api-key", "create", "--user", "admin").stdout().strip();
            int active = AdminWaits.activeVersion();
            assertEquals(1, PackagedApp.count("select count(*) from training_runs"), "the first version is trained once");
            step("first version active");
            // The demo starts without judgements: a round is refused at once instead of failing after it queued.
            var early = PackagedApp.postJson("http://localhost:" + PORTS.get(0) + "/api/v1/rounds", admin, "{}");
            assertEquals(409, early.statusCode(), early.body());
            assertTrue(early.body().contains("no_judgements"), early.body());
            try (HaProxy proxy = HaProxy.start(BASE + 3, PORTS)) {
                ReviewerCrowd crowd = ReviewerCrowd.signUp(proxy.url(), admin, REVIEWERS);
                step("50 reviewers started");
                String killed;
                long round;
                Map<String, Integer> servedAtKill;
                try {
                    awaitStored(crowd, 60);
                    round = JSON.readTree(PackagedApp.postJson(proxy.url() + "/api/v1/rounds", admin, "{\"policyEpochs\":5000,\"rewardModel\":\"vector\"}").body())
                            .get("roundId").asLong();
                    step("round " + round + " started");
                    AdminWaits.step(proxy.url(), admin, round, "Choosing better replies");
                    step("round updating the policy");
                    int runner = runnerOf(round);
                    killed = "abcdefgh".substring(runner, runner + 1);
                    instances[runner].destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
                    step("killed instance " + killed);
                    servedAtKill = crowd.served();
                    long before = crowd.storedCount();
                    awaitStored(crowd, before + 30); // the reviewers carry on, on the survivor alone
                } finally {
                    crowd.stop();
                }
                step("reviewers stopped: " + crowd.storedCount() + " stored, " + crowd.uncertain.size() + " uncertain, " + crowd.lost + " lost, " + crowd.servedBy);
                int survivor = instances[0].isAlive() ? 0 : 1;
                assertTrue(crowd.unexpected.isEmpty(), "unexpected answers: " + crowd.unexpected.subList(0, Math.min(10, crowd.unexpected.size())));
                assertStoredOnce(crowd);
                // Sessions signed in on one instance were honoured by the other: the session key is shared.
                for (String server : List.of("a", "b")) {
                    assertTrue(crowd.servedBy.containsKey("session@" + server) && crowd.servedBy.containsKey("key@" + server),
                            "every kind of reviewer reached both instances: " + crowd.servedBy);
                }
                // And both kinds carried on through the survivor once the other was gone.
                String alive = survivor == 0 ? "a" : "b";
                for (String kind : List.of("session@", "key@")) {
                    assertTrue(crowd.served().get(kind + alive) > servedAtKill.get(kind + alive), kind + alive + " after the kill: " + crowd.servedBy);
                }

                JsonNode after = AdminWaits.roundEnded(PackagedApp.url(PORTS.get(survivor)), admin, round);
                String status = after.get("status").asText();
                assertTrue(status.equals("failed") && after.get("reason").asText().startsWith("Interrupted")
                        || Set.of("promoted", "rejected", "needs_evidence", "superseded").contains(status), after.toString());
                step("round ended: " + status);
                int nowActive = (int) PackagedApp.count("select version from model_versions where status = 'active'");
                assertEquals(status.equals("promoted") ? nowActive : active, nowActive);
                assertEquals(nowActive, served(survivor));

                int restarted = 1 - survivor;
                start(restarted);
                step("killed instance restarted");
                assertEquals(nowActive, served(restarted));
                switchesReachTheOtherInstance(proxy.url(), nowActive, survivor, restarted);
            }
        }
    }

    /**
     * A version promoted on one instance is served by the other, and so is a rollback made there: with the periodic
     * check off, only the notification can bring it.
     */
    private void switchesReachTheOtherInstance(String proxy, int active, int one, int other) throws Exception {
        PackagedApp.awaitNoTraining(180_000);
        long run = JSON.readTree(PackagedApp.postJson(proxy + "/api/v1/models/train", admin, "{\"regime\":\"linear\"}").body())
                .get("runId").asLong();
        int candidate = AdminWaits.trained(proxy, admin, run);
        assertEquals(200, PackagedApp.postJson(PackagedApp.url(PORTS.get(one)) + "/api/v1/models/" + candidate + "/promote", admin, "{}").statusCode());
        awaitServed(other, candidate);
        step("promotion on one instance served by the other");
        assertEquals(200, PackagedApp.postJson(PackagedApp.url(PORTS.get(other)) + "/api/v1/models/" + active + "/rollback", admin, "{}").statusCode());
        awaitServed(one, active);
    }

    private final long began = System.nanoTime();

    /** Where the time goes, for whoever reads a slow run's output. */
    private void step(String what) {
        System.out.printf("TwoInstancesIT %5.1f s: %s%n", (System.nanoTime() - began) / 1e9, what);
    }

    private Map<String, String> environment(int port) {
        Map<String, String> env = new HashMap<>(PackagedApp.environment(port));
        env.put("LOOPWISE_ALIGNMENT_HEARTBEAT_STALENESS", "20s"); // the default (2 minutes) would only make the test wait
        // Without the periodic check, only the notification can tell an instance that another switched versions.
        env.put("LOOPWISE_MODEL_SYNC_INTERVAL", "1h");
        // As an operator behind a balancer sets them: the client's address comes from HAProxy's X-Forwarded-For.
        env.put("LOOPWISE_BEHIND_PROXY", "true");
        env.put("LOOPWISE_TRUSTED_PROXIES", "127.0.0.1");
        return env;
    }

    private void start(int index) throws Exception {
        start(index, envs[index]);
    }

    private void start(int index, Map<String, String> env) throws Exception {
        if (logs[index] == null) {
            logs[index] = Files.createTempFile("loopwise-instance-" + index, ".log");
        }
        instances[index] = PackagedApp.start(env, logs[index], "demo");
    }

    private void stopInstances() throws InterruptedException {
        for (Process instance : instances) {
            if (instance != null) {
                PackagedApp.stop(instance); // one left behind would answer the next run's requests on its port
            }
        }
    }

    /** What was answered as stored is stored, once; what was lost with the instance is stored at most once. */
    private static void assertStoredOnce(ReviewerCrowd crowd) throws Exception {
        Set<ReviewerCrowd.Judged> inDatabase = new HashSet<>();
        long rows = 0;
        try (var connection = PackagedApp.connect();
             var result = connection.createStatement().executeQuery(
                     "select u.username, j.item_id from judgements j join users u on u.id = j.reviewer_id where u.username like 'crowd%'")) {
            while (result.next()) {
                rows++;
                inDatabase.add(new ReviewerCrowd.Judged(result.getString(1), result.getLong(2)));
            }
        }
        assertEquals(rows, inDatabase.size(), "a reviewer's judgement of an item stored twice");
        assertTrue(inDatabase.containsAll(crowd.stored), "judgements answered as stored are missing");
        Set<ReviewerCrowd.Judged> extra = new HashSet<>(inDatabase);
        extra.removeAll(crowd.stored);
        extra.removeAll(crowd.uncertain);
        assertTrue(extra.isEmpty(), "stored without being submitted: " + extra);
        assertTrue(crowd.uncertain.size() <= REVIEWERS, "lost answers: " + crowd.uncertain.size());
        assertEquals(0, PackagedApp.count("""
                select count(*) from review_items i
                where (select count(*) from judgements j where j.item_id = i.id and j.choice <> 'skip') > i.required_judgements"""),
                "items judged more often than they need");
    }

    private int runnerOf(long round) throws Exception {
        int runner = -1;
        for (int i = 0; i < instances.length; i++) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(instances[i].pid()), "Thread.print").redirectErrorStream(true).start();
            String threads = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            if (threads.contains("dev.loopwise.alignment.round.AlignmentEngine")) {
                assertEquals(-1, runner, "round " + round + " runs on both instances");
                runner = i;
            }
        }
        assertTrue(runner >= 0, "no instance runs round " + round);
        return runner;
    }

    private int served(int index) throws Exception {
        var answer = PackagedApp.postJson(PackagedApp.url(PORTS.get(index)) + "/api/v1/respond", admin, "{\"text\":\"where is my order\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).get("modelVersion").asInt();
    }

    /** A generous bound for a loaded machine: without the notification the switch never arrives. */
    private void awaitServed(int index, int version) throws Exception {
        long started = System.nanoTime();
        while (served(index) != version) {
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(30).toNanos(),
                    "instance " + index + " still serves another version than " + version + " after 30 s");
            Thread.sleep(50);
        }
    }

    private static void awaitStored(ReviewerCrowd crowd, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (crowd.storedCount() < count) {
            assertTrue(crowd.unexpected.isEmpty(), "unexpected answers: " + crowd.unexpected);
            assertTrue(System.nanoTime() < deadline, "only " + crowd.storedCount() + " judgements stored, waited for " + count
                    + "; items still open: " + PackagedApp.count("select count(*) from review_items where judgements < required_judgements"));
            Thread.sleep(200);
        }
    }
}
