package dev.loopwise.cli;

import static dev.loopwise.cli.CommandLineErrorsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.cli.CommandLineErrorsTest.Printed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The ML engineer's commands (benchmarks, simulate, eval-*) refuse options that mean nothing in one line, before they open
 * the encoder, read a data file or start anything, rather than fail minutes later or with an exception's name.
 */
class ExperimentOptionsTest {

    @Test
    void benchmarkNumbersThatMeanNothingAreRefusedBeforeAnythingIsRead() throws Exception {
        Path noTest = Files.createTempFile("drift", ".csv");
        Files.writeString(noTest, "text,label\nwhere is my parcel,track_order\nrefund me,refund\nreset my password,reset_password\n");
        Path withTest = Files.createTempFile("drift", ".csv");
        Files.writeString(withTest, "text,label,split\nwhere is my parcel,track_order,train\nrefund me,refund,test\n"
                + "reset my password,reset_password,train\n");
        try {
            String data = noTest.toString();
            String[][] senseless = {{"bench-drift", "--data", data, "--seeds", "0"}, {"bench-drift", "--data", data, "--requests", "0"},
                {"bench-drift", "--data", data, "--shift-at", "3000"}, {"bench-drift", "--data", data, "--shift-share", "1.5"},
                {"bench-drift", "--data", data, "--held-out-intents", "0"}, {"bench-drift", "--data", data, "--held-out-intents", "1"},
                {"bench-drift", "--data", withTest.toString(), "--held-out-intents", "2"},
                {"simulate", "--data", data, "--judgements", "0"}, {"simulate", "--data", data, "--drafts", "-1"},
                // Written out, 0 (the default, rounds) ran four rounds instead of best-of-n; this file has test rows, so only --drafts 0 is refused.
                {"simulate", "--data", withTest.toString(), "--drafts", "0"},
                {"simulate", "--data", data, "--test-tickets", "5", "--off-topic", "0.5"},
                {"simulate", "--data", data, "--drafts", "3", "--off-topic", "3"},
                {"simulate", "--data", data, "--method", "ppo"}, {"simulate", "--data", data, "--beta", "-1"},
                {"bench-gates", "--data", data, "--rounds", "0"}, {"bench-gates", "--data", data, "--judgements", "300,10"},
                {"eval-intents", "--train", data, "--test", data, "--oos-weight", "-1"},
                {"eval-intents", "--train", data, "--test", data, "--budget", "0"},
                {"eval-reward", "--train", data, "--test", data, "--epochs", "0"},
                {"eval-reward", "--train", data, "--test", data, "--budget", "-5"}, {"bench-encoders", "--count", "0"},
                {"eval-intents", "--train", data, "--test", data, "--scores", noTest.getParent().toString()},
                {"eval-intents", "--train", data, "--test", data, "--scores", noTest.resolveSibling("no-such-folder/s.csv").toString()},
                {"eval-intents", "--train", data, "--test", data, "--vectors", data},
                {"replay", "--file", data, "--key", "some-key", "--url", "http://127.0.0.1:1", "--stride", "0"},
                {"replay", "--file", data, "--key", "some-key", "--url", "http://127.0.0.1:1", "--stride", "-3"},
                {"api-key", "create", "--user", "no-such-user", "--requests-per-minute", "-1"}};
            String[] said = {"--seeds must be 1 or more (replays per scenario), not 0.", "--requests must be more than 200",
                "--shift-at must be 0 or more and less than --requests (3000)", "--shift-share must be a share above 0 and at most 1",
                "--held-out-intents must be 1 or more", data + " has no 'test' rows: bench-drift needs a 'split' column",
                "--held-out-intents 2 leaves too few intents to train on: the file has 3 intents and at least 2 must stay in training",
                "--judgements must be 20 or more", "--drafts must be 1 or more (drafts per ticket)",
                "--drafts must be 1 or more (drafts per ticket), or left out to simulate rounds, not 0.",
                "--test-tickets, --off-topic only mean something with --drafts N", "--off-topic must be a share from 0 to 1, not 3.0.",
                "--method must be reward_weighted or dpo, not 'ppo'", "--beta must be from 0.01 to 100",
                "--rounds must be 1 or more (null rounds per row), not 0.", "--judgements must be a list of numbers of 20 or more",
                "--oos-weight must be above 0", "--budget must be 1 second or more, not 0.", "--epochs must be 1 or more, not 0.",
                "--budget must be 1 second or more, not -5.", "--count must be 1 or more, not 0.",
                "--scores names where to write: '" + noTest.getParent() + "' is a folder: give a file name in it",
                "s.csv' is in a folder that does not exist", "--vectors names where to write: '" + data + "' is a file: give a folder",
                "--stride must be from 1 to 20000 (requests between drift checks), not 0.",
                "--stride must be from 1 to 20000 (requests between drift checks), not -3.",
                "--requests-per-minute must be 0 (no limit) or more, not -1."}; // it named the API's field, once the database answered
            for (int i = 0; i < senseless.length; i++) {
                Printed refused = run(senseless[i]);
                assertEquals(2, refused.exit(), String.join(" ", senseless[i]));
                assertTrue(refused.err().startsWith("loopwise: ") && refused.err().contains(said[i]), refused.err());
                // Refused before the encoder was opened (it names itself on stderr) or any file was read.
                assertTrue(!refused.err().contains("Encoder:") && refused.err().strip().lines().count() == 1, refused.err());
            }
        } finally {
            Files.delete(noTest);
            Files.delete(withTest);
        }
    }

    @Test
    void benchmarksRefuseCountsThatMeanNothingBeforeStartingAndSayInWordsWhenNoLoopwiseAnswers() {
        // --clients 0 and --reviewers 0 ended in a bare "IllegalArgumentException" (a thread pool of none), after the encoder ran.
        String[][] senseless = {{"bench-serving", "--key", "k", "--no-raw", "--clients", "1,0"},
            {"bench-serving", "--key", "k", "--no-raw", "--seconds", "-1"}, {"bench-review", "--key", "k", "--reviewers", "0"},
            {"bench-review", "--key", "k", "--seconds", "0"}, {"bench-review", "--key", "k", "--think", "-2"},
            {"bench-history", "--scale", "0"},
            // Each client and reviewer is a thread (and a reviewer an account): 200000 clients stalled with nothing said.
            {"bench-serving", "--key", "k", "--no-raw", "--clients", "1,1001"}, {"bench-review", "--key", "k", "--reviewers", "1001"}};
        String[] said = {"--clients must be a list of numbers from 1 to 1000", "--seconds must be 1 or more (measured seconds per level), not -1.",
            "--reviewers must be from 1 to 1000", "--seconds must be 1 or more (how long they work in each mode), not 0.", "--think must be from 0 to 3600",
            // bench-history used to start, load the demo into the database and only then fail ("EntityManagerFactory is closed").
            "--scale must be above 0 and at most 100, not 0.0.",
            "--clients must be a list of numbers from 1 to 1000 (concurrent clients per level, such as 1,8,64), not 1,1001.",
            "--reviewers must be from 1 to 1000 (reviewers working at once), not 1001."};
        for (int i = 0; i < senseless.length; i++) {
            Printed refused = run(senseless[i]);
            assertEquals(2, refused.exit(), String.join(" ", senseless[i]));
            assertTrue(refused.err().startsWith("loopwise: ") && refused.err().contains(said[i]) && refused.err().strip().lines().count() == 1,
                    refused.err());
        }
        // Refused before the command set the application's settings: as system properties they outlived the refusal, and the
        // test application this process starts next came up with no HTTP.
        assertEquals(null, System.getProperty("quarkus.http.host-enabled"));
        // The clients' failure reached the command wrapped, and was printed as "loopwise: java.net.ConnectException".
        Printed unreachable = run("bench-serving", "--key", "k", "--no-raw", "--url", "http://127.0.0.1:1", "--clients", "1", "--seconds", "1");
        assertEquals(2, unreachable.exit());
        assertTrue(unreachable.err().contains("loopwise: no Loopwise answered at that address (the connection was refused)"), unreachable.err());
        // Said before the in-process encoder measuring (which opens the encoder and says so on stderr), not a minute after it.
        Printed early = run("bench-serving", "--key", "k", "--url", "http://127.0.0.1:1", "--versus", "http://127.0.0.1:2");
        assertEquals(2, early.exit());
        assertTrue(early.err().startsWith("loopwise: no Loopwise answered") && early.err().strip().lines().count() == 1, early.err());
    }

    @Test
    void aRoundSettingIsRefusedByItsOptionsNameBeforeTheFileIsRead() {
        // Said in the round's own words before ("beta must be between 0.01 and 100", "rewardModel must be …"), and bench-gates
        // read the whole file before it looked at --method.
        String missing = "no-such-tickets.csv";
        String[][] senseless = {{"simulate", "--data", missing, "--beta", "-1"}, {"simulate", "--data", missing, "--beta", "101"},
            {"simulate", "--data", missing, "--method", "ppo"}, {"simulate", "--data", missing, "--reward-model", "linear"},
            {"bench-gates", "--data", missing, "--method", "ppo"}};
        String[] said = {"--beta must be from 0.01 to 100 (smaller follows the reward more), not -1.0.",
            "--beta must be from 0.01 to 100 (smaller follows the reward more), not 101.0.",
            "--method must be reward_weighted or dpo, not 'ppo'.", "--reward-model must be auto, vector or cross, not 'linear'.",
            "--method must be reward_weighted or dpo, not 'ppo'."};
        for (int i = 0; i < senseless.length; i++) {
            Printed refused = run(senseless[i]);
            assertEquals(2, refused.exit(), String.join(" ", senseless[i]));
            assertEquals("loopwise: " + said[i], refused.err().strip());
        }
    }

    @Test
    void aNumberOutOfItsRangeIsNamedAloneWithItsValue() {
        // Each was one sentence over several options ("--port must be 1–65535 and --delay-ms and --jitter-ms 0 or more"; four
        // ranges and four values for bench-history), which left the user to work out which of their numbers was refused.
        String missing = "no-such-tickets.csv";
        String[][] senseless = {{"bench-history", "--iterations", "0"}, {"bench-history", "--round-policy-tickets", "-1"},
            {"bench-encoders", "--batch", "0"}, {"llm-stand-in", "--port", "70000"}, {"llm-stand-in", "--jitter-ms", "-1"},
            {"llm-stand-in", "--rate-limit", "-1"}, {"simulate", "--data", missing, "--drafts", "2", "--checkpoints", "500,10"},
            {"simulate", "--data", missing, "--drafts", "2", "--test-tickets", "0"},
            {"simulate", "--data", missing, "--replies-per-intent", "0"}, {"simulate", "--data", missing, "--voice-weight", "-1"},
            {"bench-history", "--round-judgements", "-1", "--round-policy-tickets", "-5"}};
        String[] said = {"--iterations must be 1 or more, not 0.", "--round-policy-tickets must be 0 or more, not -1.",
            "--batch must be 1 or more, not 0.", "--port must be from 1 to 65535, not 70000.", "--jitter-ms must be 0 or more, not -1.",
            "--rate-limit must be 0 or more, not -1.",
            "--checkpoints must be a list of numbers of 20 or more (judgements after which best-of-n is measured), not 500,10.",
            "--test-tickets must be 1 or more, not 0.", "--replies-per-intent must be 1 or more, not 0.",
            "--voice-weight must be 0 or more, not -1.0.",
            // Each option with its own value: "--round-judgements must be 0 or more, not -5" named the other's.
            "--round-judgements must be 0 or more, not -1."};
        for (int i = 0; i < senseless.length; i++) {
            Printed refused = run(senseless[i]);
            assertEquals(2, refused.exit(), String.join(" ", senseless[i]));
            assertEquals("loopwise: " + said[i], refused.err().strip());
        }
    }

    @Test
    void extraTicketsOfNoRowsAreRefusedRatherThanRunAsIfLeftOut() throws Exception {
        Path data = Files.createTempFile("simulate", ".csv");
        Files.writeString(data, "text,label,response,split\nwhere is my parcel,track_order,It ships today.,train\n"
                + "refund me,refund,Your refund is on its way.,train\nmy order is late,track_order,It ships today.,test\n");
        Path extra = Files.createTempFile("extra", ".csv");
        Files.writeString(extra, "text\r\n");
        Path json = Files.createTempFile("extra", ".json");
        Files.writeString(json, "[]\n");
        try {
            // A JSON [] was told to have "at least one row under its header", which it has no place for.
            for (Path file : new Path[] {extra, json}) {
                Printed refused = run("simulate", "--data", data.toString(), "--extra-tickets", file.toString());
                assertEquals(2, refused.exit(), refused.err());
                assertEquals("loopwise: " + file + " holds no tickets: --extra-tickets needs a ticket file of at least one ticket (a row"
                        + " under a CSV header with a text column, or a JSON object with a \"text\"); leave it out to run the policy update"
                        + " on the data file's tickets alone.", refused.err().strip());
            }
        } finally {
            Files.delete(data);
            Files.delete(extra);
            Files.delete(json);
        }
    }

    @Test
    void simulateRefusesTheOtherModesOptionsBeforeItReadsTheFile() {
        String missing = "no-such-tickets.csv";
        String[][] mixed = {{"simulate", "--data", missing, "--drafts", "3", "--rounds", "2", "--method", "dpo", "--beta", "0.1"},
            {"simulate", "--data", missing, "--drafts", "3", "--judgements", "300"},
            {"simulate", "--data", missing, "--drafts", "3", "--reward-model", "vector", "--extra-tickets", missing},
            {"simulate", "--data", missing, "--checkpoints", "500"}};
        String[] said = {"--drafts N does not use --rounds, --method, --beta: they are for simulating rounds; leave them out, or leave"
                + " out --drafts N.", "--drafts N does not use --judgements: it is for simulating rounds; leave it out, or leave out --drafts N.",
            "--drafts N does not use --reward-model, --extra-tickets: they are for simulating rounds",
            "--checkpoints only means something with --drafts N: give --drafts N, or leave it out."};
        for (int i = 0; i < mixed.length; i++) {
            Printed refused = run(mixed[i]);
            assertEquals(2, refused.exit(), String.join(" ", mixed[i]));
            assertTrue(refused.err().startsWith("loopwise: ") && refused.err().contains(said[i]), refused.err());
            assertTrue(!refused.err().contains(missing) && refused.err().strip().lines().count() == 1, refused.err());
        }
        // The options both modes use pass, and only then is the file looked for.
        Printed shared = run("simulate", "--data", missing, "--drafts", "3", "--preference", "concise", "--agreement", "0.8", "--seed", "1");
        assertEquals(2, shared.exit());
        assertTrue(shared.err().contains("there is no file") && shared.err().contains(missing), shared.err());
    }
}
