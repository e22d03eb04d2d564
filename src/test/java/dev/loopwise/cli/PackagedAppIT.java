package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.encoder.EncoderCatalogue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged application as a user meets it: creating its database, the demo (twice), the API
 * key command beside a running server, and production mode without any default password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppIT {
    static final int PORT = 18089;

    @Test
    @Order(1)
    void dbInitCreatesAMissingDatabaseAndIsHarmlessTheSecondTime() throws Exception {
        PackagedApp.dropDatabase();
        PackagedApp.Result first = PackagedApp.run(PackagedApp.environment(PORT), "db-init");
        assertEquals(0, first.exitCode(), first.stderr());
        assertTrue(first.stderr().contains("Created PostgreSQL role and database '" + PackagedApp.DATABASE + "'"), first.stderr());
        PackagedApp.Result second = PackagedApp.run(PackagedApp.environment(PORT), "db-init");
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals("", second.stderr());
    }

    @Test
    @Order(2)
    void theLaunchersTrainingStartComesUpOnAFreePortAndStopsByItself() throws Exception {
        Map<String, String> env = new HashMap<>(PackagedApp.environment(PORT));
        env.put("JAVA_TOOL_OPTIONS", "-Dloopwise.exit-after-start=true -Dquarkus.http.port=0 "
                + "-Dquarkus.scheduler.start-mode=halted");
        PackagedApp.Result training = PackagedApp.run(env, "serve");
        assertEquals(0, training.exitCode(), training.stdout() + training.stderr());
        String log = training.stdout() + training.stderr();
        assertTrue(log.contains("Listening on"), "it started for real: " + log);
        assertTrue(log.contains("stopped in"), "then stopped by itself: " + log);
    }

    @Test
    @Order(3)
    void productionModeHasNoDefaultPasswordAndCreatesTheFirstAdminFromTheEnvironment() throws Exception {
        Map<String, String> keyless = new HashMap<>(PackagedApp.environment(PORT));
        keyless.remove("LOOPWISE_SESSION_KEY");
        PackagedApp.Result noKey = PackagedApp.run(keyless, "serve");
        assertTrue(noKey.exitCode() != 0, "serving without a session key must not start");
        assertTrue((noKey.stdout() + noKey.stderr()).contains("Set LOOPWISE_SESSION_KEY"), noKey.stdout() + noKey.stderr());

        Path log = Files.createTempFile("loopwise-prod", ".log");
        Process server = PackagedApp.start(PackagedApp.environment(PORT), log);
        try {
            assertEquals(0, PackagedApp.count("select count(*) from users"));
            assertEquals(0, PackagedApp.count("select count(*) from tickets"));
            assertTrue(Files.readString(log).contains("No admin account exists"), "tells how to create an admin");
            var login = PackagedApp.postForm("http://localhost:" + PORT + "/j_security_check",
                    "j_username=admin&j_password=loopwise-admin");
            assertTrue(login.headers().firstValue("Location").orElse("").contains("error"),
                    "demo password refused: " + login.statusCode() + " " + login.headers().map());
        } finally {
            PackagedApp.stop(server);
        }
        Map<String, String> env = new HashMap<>(PackagedApp.environment(PORT));
        env.put("LOOPWISE_SECURITY_ADMIN_USERNAME", "chief");
        env.put("LOOPWISE_SECURITY_ADMIN_PASSWORD", "a-long-secret-passphrase");
        server = PackagedApp.start(env, log);
        try {
            var login = PackagedApp.postForm("http://localhost:" + PORT + "/j_security_check",
                    "j_username=chief&j_password=a-long-secret-passphrase");
            assertEquals(302, login.statusCode());
            var cookies = login.headers().allValues("Set-Cookie");
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith("loopwise-session=")), cookies.toString());
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith("loopwise-session-stamp=")), cookies.toString());
            // Training with no intent yet is refused up front, not queued to fail and stay on the Models page as a failed run.
            var train = PackagedApp.postJson("http://localhost:" + PORT + "/api/v1/models/train",
                    PackagedApp.run(env, "api-key", "create", "--user", "chief").stdout().strip(), "{}");
            assertTrue(train.statusCode() == 409 && train.body().contains("\"no_intents\"") && train.body().contains("Import labelled"), train.body());
            assertEquals(0, PackagedApp.count("select count(*) from training_runs"));
        } finally {
            PackagedApp.stop(server);
        }
    }

    @Test
    @Order(0)
    void evalIntentsRunsOnAFileItHasNeverSeenWithoutADatabase() throws Exception {
        String[][] examples = {
                {"book_table", "I'd like a table for two tonight", "can we reserve for 6 people on friday", "book a table at 8pm",
                        "is there space for four on saturday evening", "reserve a spot for lunch tomorrow", "table for three please, 7 o'clock",
                        "we want to book dinner for my birthday", "any tables free at noon?"},
                {"menu_allergens", "does the curry contain peanuts", "is the bread gluten free", "which dishes are dairy free",
                        "I'm allergic to shellfish, what can I eat", "do you have vegan options", "is there egg in the pasta",
                        "list the allergens in the dessert", "can the salad be made without nuts"},
                {"opening_hours", "what time do you open on sunday", "are you open on public holidays", "when do you close tonight",
                        "opening hours please", "is the kitchen open late", "do you open for breakfast", "how late can we come in",
                        "what are your hours on monday"}};
        StringBuilder csv = new StringBuilder("text,label,split\n");
        for (String[] intent : examples) {
            for (int i = 1; i < intent.length; i++) {
                csv.append('"').append(intent[i]).append("\",").append(intent[0]).append(',').append(i <= 6 ? "train" : "test").append('\n');
            }
        }
        Path file = Files.createTempFile("restaurant-intents", ".csv");
        Files.writeString(file, csv);
        Map<String, String> noDatabase = Map.of("LOOPWISE_DB_URL", "jdbc:postgresql://localhost:1/nothing-here");
        PackagedApp.Result result = PackagedApp.run(noDatabase, "eval-intents", "--train", file.toString(), "--test", file.toString(),
                "--json", "--no-cache");
        assertEquals(0, result.exitCode(), result.stderr());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.stdout());
        assertEquals(18, json.get("trainRows").asInt());
        assertEquals(6, json.get("testRows").asInt());
        assertTrue(json.get("accuracy").asDouble() > 0.8, result.stdout());
        assertTrue(json.has("macroF1") && json.has("trainingSeconds") && json.has("encodingSeconds"), result.stdout());
        assertEquals(1, result.stdout().strip().lines().count(), "only the JSON object on stdout");
        assertTrue(json.get("encoder").asText().startsWith(EncoderCatalogue.DEFAULT_NAME + "@"), result.stdout());
        assertTrue(result.stderr().contains("Encoder: " + json.get("encoder").asText()), "says which encoder it used: " + result.stderr());

        PackagedApp.Result unknown = PackagedApp.run(noDatabase, "eval-intents", "--train", file.toString(), "--test", file.toString(),
                "--encoder", "bert-huge");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("Unknown encoder 'bert-huge'. Known encoders: all-MiniLM-L6-v2, all-MiniLM-L6-v2-q, "
                + "bge-small-en-v1.5, bge-small-en-v1.5-q"), unknown.stderr());
    }

    @Test
    @Order(0)
    void evalRewardLearnsAPreferenceFromTrlPairsWithoutADatabase() throws Exception {
        String[] questions = {"where is my order", "my parcel is late", "I want a refund", "cancel my order please", "the lamp arrived broken",
                "how do I return a jacket", "my discount code fails", "I cannot log in", "change my delivery address", "is the tent in stock",
                "my payment was declined", "send me an invoice", "how many loyalty points do I have", "wrong item in the box",
                "delete my account", "update my card details", "gift card balance please", "how do I clean the pan", "when will it ship",
                "the package never came"};
        String[] kind = {"Thanks for telling us. We're on it and will email you an update today.",
                "Sorry about that! We've checked and here is what happens next, step by step.",
                "Happy to help. Reply with your order number and we'll sort it out right away.",
                "We understand, and we'll fix this for you: here is the link to do it in two minutes."};
        String[] rude = {"Not our problem.", "Read the website.", "We can't help you with that, stop writing.", "Whatever. Try again later."};
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (int i = 0; i < questions.length; i++) {
            for (int j = 0; j < 4; j++) {
                String line = "{\"prompt\":\"" + questions[i] + "\",\"chosen\":\"" + kind[(i + j) % 4] + "\",\"rejected\":\""
                        + rude[(i * 3 + j) % 4] + "\"}\n";
                (i % 5 == 4 ? test : train).append(line);
            }
        }
        Path trainFile = Files.createTempFile("trl-train", ".jsonl");
        Path testFile = Files.createTempFile("trl-test", ".jsonl");
        Files.writeString(trainFile, train);
        Files.writeString(testFile, test);
        PackagedApp.Result result = PackagedApp.run(Map.of(), "eval-reward", "--train", trainFile.toString(), "--test",
                testFile.toString(), "--json");
        assertEquals(0, result.exitCode(), result.stderr());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.stdout());
        assertEquals(64, json.get("trainPairs").asInt());
        assertEquals(16, json.get("testPairs").asInt());
        assertTrue(json.get("accuracy").asDouble() >= 0.9, "held-out pairwise accuracy: " + result.stdout());
    }

    @Test
    @Order(4)
    void demoStartsWithAccountsAndTheApiKeyCommandWorksBesideIt() throws Exception {
        // The production database of the test before holds a real admin: the demo, with its published
        // passwords, refuses to add its accounts there.
        PackagedApp.Result refused = PackagedApp.run(PackagedApp.environment(PORT), "demo");
        assertTrue(refused.exitCode() != 0, "demo on a production database must not start");
        assertTrue((refused.stdout() + refused.stderr()).contains("holds accounts the demo did not create (chief)"),
                refused.stdout() + refused.stderr());
        assertEquals(0, PackagedApp.count("select count(*) from users where username <> 'chief'"), "nothing added");
        PackagedApp.dropDatabase();
        assertEquals(0, PackagedApp.run(PackagedApp.environment(PORT), "db-init").exitCode());

        Path log = Files.createTempFile("loopwise-demo", ".log");
        Process server = PackagedApp.start(PackagedApp.environment(PORT), log, "demo");
        long tickets;
        try {
            String output = Files.readString(log);
            assertTrue(output.contains("Loopwise demo is running at"), output);
            assertTrue(output.contains("reviewer3  / loopwise-review"), output);
            tickets = PackagedApp.count("select count(*) from tickets");
            assertTrue(tickets >= 500, "demo tickets: " + tickets);
            // Its admin password is published: the demo answers this machine only, not whoever shares its network.
            for (InetAddress address : PackagedApp.ownNetworkAddresses()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, PORT), 2000);
                    org.junit.jupiter.api.Assertions.fail("the demo answers on " + address.getHostAddress());
                } catch (IOException expected) {
                    // as it should
                }
            }
            // Nor through a visitor's browser, by a web page whose own name was pointed at 127.0.0.1 (DNS rebinding).
            String rebound = PackagedApp.rawGet(PORT, "rebound.example:" + PORT, "/login");
            assertTrue(rebound.startsWith("HTTP/1.1 421") && rebound.contains("addresses of this machine"), rebound);
            for (String name : new String[] {"localhost:" + PORT, "127.0.0.1:" + PORT, "[::1]:" + PORT}) {
                assertTrue(PackagedApp.rawGet(PORT, name, "/login").startsWith("HTTP/1.1 200"), name);
            }

            PackagedApp.Result created = PackagedApp.run(PackagedApp.environment(PORT), "api-key", "create", "--user", "reviewer1");
            assertEquals(0, created.exitCode(), created.stderr());
            assertTrue(created.stdout().matches("lw_[A-Za-z0-9_-]{43}\\n"), "only the key on stdout: [" + created.stdout() + "]");
            String key = created.stdout().strip();
            var me = PackagedApp.get("http://localhost:" + PORT + "/api/v1/me", key);
            assertEquals(200, me.statusCode());
            assertTrue(me.body().contains("\"username\":\"reviewer1\""), me.body());

            PackagedApp.Result unknown = PackagedApp.run(PackagedApp.environment(PORT), "api-key", "create", "--user", "nobody");
            assertTrue(unknown.exitCode() != 0);
            assertEquals("", unknown.stdout());
            assertTrue(unknown.stderr().contains("No user named 'nobody'"), unknown.stderr());

            // Stopped while it trains, the service marks the run stopped and logs no error: the training's work then breaks
            // on the closed database, and recording that as a failure as well only failed again, with two stack traces.
            String adminKey = PackagedApp.run(PackagedApp.environment(PORT), "api-key", "create", "--user", "admin").stdout().strip();
            PackagedApp.awaitNoTraining(180_000); // the demo's first training
            var started = PackagedApp.postJson("http://localhost:" + PORT + "/api/v1/models/train", adminKey, "{\"regime\":\"finetune\"}");
            assertEquals(202, started.statusCode(), started.body());
            long until = System.currentTimeMillis() + 120_000;
            while (PackagedApp.count("select count(*) from training_runs where status = 'running' and settings->>'regime' = 'finetune'") == 0) {
                assertTrue(System.currentTimeMillis() < until, "the fine-tune never started");
                Thread.sleep(200);
            }
        } finally {
            PackagedApp.stop(server);
        }
        String shutdown = Files.readString(log);
        shutdown = shutdown.substring(shutdown.lastIndexOf("Loopwise demo is running at"));
        assertFalse(shutdown.contains(" ERROR "), shutdown);
        assertEquals("failed", PackagedApp.text("select status from training_runs where settings->>'regime' = 'finetune'"));
        server = PackagedApp.start(PackagedApp.environment(PORT), log, "demo");
        try {
            assertEquals(tickets, PackagedApp.count("select count(*) from tickets"), "a second demo start adds nothing");
            assertEquals(4, PackagedApp.count("select count(*) from users"), "the demo accounts, once");
        } finally {
            PackagedApp.stop(server);
        }
    }
}
