package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineErrorsTest {

    @Test
    void aCommandThatCannotReachLoopwiseSaysSoInWordsAndOneWithoutAKeyAsksForOne() throws Exception {
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, "text\nwhere is my parcel\n");
        try {
            // Port 1 is reserved and nothing listens there: the connection is refused, a ConnectException without a message.
            Printed refused = run("replay", "--file", file.toString(), "--key", "some-key", "--url", "http://127.0.0.1:1");
            assertEquals(2, refused.exit);
            assertTrue(refused.err.contains("loopwise: no Loopwise answered at that address (the connection was refused)"), refused.err);
            if (System.getenv("LOOPWISE_API_KEY") == null) {
                Printed keyless = run("replay", "--file", file.toString(), "--url", "http://127.0.0.1:1");
                assertEquals(2, keyless.exit);
                assertTrue(keyless.err.contains(AccountMessages.API_KEY_NEEDED), keyless.err);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aMistypedAddressIsNamedWithHowToWriteItBeforeAnythingIsSent() throws Exception {
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, "text\nwhere is my parcel\n");
        try {
            // Each failed with Java's words about URI syntax ("URI with undefined scheme", "Malformed escape pair at index 22").
            for (String url : new String[] {"localhost:8080", "notaurl", "http://localhost:8080/%zz", "http://localhost:8080 ",
                    "ftp://localhost:8080", "http://localhost:8080?x=1"}) {
                Printed refused = run("replay", "--file", file.toString(), "--key", "some-key", "--url", url);
                assertEquals(2, refused.exit, url);
                assertTrue(refused.err.contains("'" + url + "' is not the address of a running Loopwise: write it as http://HOST:PORT"),
                        refused.err);
                assertTrue(!refused.err.contains("URI") && !refused.err.contains("index") && !refused.err.contains(".."), refused.err);
            }
            Printed versus = run("bench-serving", "--key", "some-key", "--versus", "localhost:8081");
            assertEquals(2, versus.exit);
            assertTrue(versus.err.contains("'localhost:8081' is not the address of a running Loopwise"), versus.err);
            // A name no name server knows is not a refused connection: the name is what to check.
            Printed unknown = run("replay", "--file", file.toString(), "--key", "some-key", "--url", "http://no-such-host.invalid:8080");
            assertEquals(2, unknown.exit);
            assertTrue(unknown.err.contains("loopwise: " + HttpMessages.UNKNOWN_HOST), unknown.err);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        for (String[] args : new String[][] {{"user", "--help"}, {"user", "add", "--help"}, {"api-key", "create", "--help"},
                {"bench-history", "--help"}}) {
            StringWriter out = new StringWriter();
            int exit = LoopwiseCommand.commandLine().setOut(new PrintWriter(out)).execute(args);
            assertEquals(0, exit, String.join(" ", args));
            assertTrue(out.toString().startsWith("Usage: loopwise " + args[0]), out.toString());
        }
    }

    @Test
    void anOptionTheCommandCannotUseIsOneParagraphNamingItNeverTheUsageText() {
        String[][] mistakes = {{"eval-intents", "--train", "a.csv", "--test", "a.csv", "--epochs", "3"}, {"eval-intents", "--train"},
            {"bench-drift", "--data", "a.csv", "--seeds", "abc"}, {"eval-intents", "--train", "a.csv", "--test", "a.csv", "--shots", "99999999999"},
            {"simulate", "--data", "a.csv", "--agreement", "NaN"}, {"bench-gates", "--data", "a.csv", "--judgements", "300,x"},
            {"eval-intents", "--train", "a.csv"}};
        String[] said = {"loopwise eval-intents: there is no option '--epochs'",
            "loopwise eval-intents: Missing required parameter for option '--train'",
            "loopwise bench-drift: Invalid value for option '--seeds': 'abc' is not a whole number",
            "'99999999999' is more than this option takes (at most 2147483647)", "'NaN' is not a number",
            "'x' is not a whole number", "loopwise eval-intents: Missing required option: '--test=<testFile>'"};
        for (int i = 0; i < mistakes.length; i++) {
            Printed refused = run(mistakes[i]);
            assertEquals(2, refused.exit, refused.err);
            assertTrue(refused.err.contains(said[i]), refused.err);
            assertTrue(refused.err.strip().endsWith("--help' to see its options.") && refused.err.strip().lines().count() == 1, refused.err);
        }
        // A near miss is named: picocli's suggestions come from the command's own options.
        assertTrue(run("eval-intents", "--train", "a.csv", "--test", "a.csv", "--sed", "4").err.contains("(did you mean --seed"));
    }

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
                "--test-tickets, --off-topic only mean something with --drafts N", "--off-topic a share from 0 to 1",
                "method must be reward_weighted or dpo, not 'ppo'", "beta must be between", // said only once the file was read
                "--rounds must be 1 or more (null rounds per row), not 0.", "--judgements must be a list of numbers of 20 or more",
                "--oos-weight must be above 0", "--budget must be 1 second or more, not 0.", "--epochs must be 1 or more, not 0.",
                "--budget must be 1 second or more, not -5.", "--count, --rounds and --batch must be 1 or more each, not 0, 3 and 32.",
                "--scores names where to write: '" + noTest.getParent() + "' is a folder: give a file name in it",
                "s.csv' is in a folder that does not exist", "--vectors names where to write: '" + data + "' is a file: give a folder",
                "--stride must be from 1 to 20000 (requests between drift checks), not 0.",
                "--stride must be from 1 to 20000 (requests between drift checks), not -3.",
                "--requests-per-minute must be 0 (no limit) or more, not -1."}; // it named the API's field, once the database answered
            for (int i = 0; i < senseless.length; i++) {
                Printed refused = run(senseless[i]);
                assertEquals(2, refused.exit, String.join(" ", senseless[i]));
                assertTrue(refused.err.startsWith("loopwise: ") && refused.err.contains(said[i]), refused.err);
                // Refused before the encoder was opened (it names itself on stderr) or any file was read.
                assertTrue(!refused.err.contains("Encoder:") && refused.err.strip().lines().count() == 1, refused.err);
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
            {"bench-history", "--scale", "0"}};
        String[] said = {"--clients must be a list of numbers of 1 or more", "--seconds must be 1 or more (measured seconds per level), not -1.",
            "--reviewers must be 1 or more", "--seconds must be 1 or more (how long they work in each mode), not 0.", "--think must be from 0 to 3600",
            // bench-history used to start, load the demo into the database and only then fail ("EntityManagerFactory is closed").
            "--scale, --iterations, --round-judgements and --round-policy-tickets must be above 0 and at most 100"};
        for (int i = 0; i < senseless.length; i++) {
            Printed refused = run(senseless[i]);
            assertEquals(2, refused.exit, String.join(" ", senseless[i]));
            assertTrue(refused.err.startsWith("loopwise: ") && refused.err.contains(said[i]) && refused.err.strip().lines().count() == 1,
                    refused.err);
        }
        // Refused before the command set the application's settings: as system properties they outlived the refusal, and the
        // test application this process starts next came up with no HTTP.
        assertEquals(null, System.getProperty("quarkus.http.host-enabled"));
        // The clients' failure reached the command wrapped, and was printed as "loopwise: java.net.ConnectException".
        Printed unreachable = run("bench-serving", "--key", "k", "--no-raw", "--url", "http://127.0.0.1:1", "--clients", "1", "--seconds", "1");
        assertEquals(2, unreachable.exit);
        assertTrue(unreachable.err.contains("loopwise: no Loopwise answered at that address (the connection was refused)"), unreachable.err);
        // Said before the in-process encoder measuring (which opens the encoder and says so on stderr), not a minute after it.
        Printed early = run("bench-serving", "--key", "k", "--url", "http://127.0.0.1:1", "--versus", "http://127.0.0.1:2");
        assertEquals(2, early.exit);
        assertTrue(early.err.startsWith("loopwise: no Loopwise answered") && early.err.strip().lines().count() == 1, early.err);
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
            assertEquals(2, refused.exit, String.join(" ", mixed[i]));
            assertTrue(refused.err.startsWith("loopwise: ") && refused.err.contains(said[i]), refused.err);
            assertTrue(!refused.err.contains(missing) && refused.err.strip().lines().count() == 1, refused.err);
        }
        // The options both modes use pass, and only then is the file looked for.
        Printed shared = run("simulate", "--data", missing, "--drafts", "3", "--preference", "concise", "--agreement", "0.8", "--seed", "1");
        assertEquals(2, shared.exit);
        assertTrue(shared.err.contains("there is no file") && shared.err.contains(missing), shared.err);
    }

    @Test
    void anUnknownEncoderOrPreferenceIsNamedBeforeTheDataFileIsRead() {
        // The files do not exist: a command that read them first would name the file, after a wait on a real one.
        String[][] mistakes = {{"eval-intents", "--train", "no-such.csv", "--test", "no-such.csv", "--encoder", "nosuch"},
            {"eval-reward", "--train", "no-such.jsonl", "--test", "no-such.jsonl", "--encoder", "nosuch"},
            {"simulate", "--data", "no-such.csv", "--encoder", "nosuch"}, {"bench-drift", "--data", "no-such.csv", "--encoder", "nosuch"},
            {"bench-gates", "--data", "no-such.csv", "--encoder", "nosuch"}};
        for (String[] args : mistakes) {
            Printed refused = run(args);
            assertEquals(2, refused.exit, String.join(" ", args));
            assertTrue(refused.err.contains("Unknown encoder 'nosuch'") && !refused.err.contains("no-such"), refused.err);
        }
        Printed pooling = run("eval-intents", "--train", "no-such.csv", "--test", "no-such.csv", "--pooling", "max");
        assertTrue(pooling.exit == 2 && pooling.err.contains("Unknown pooling 'max'"), pooling.err);
        Printed preference = run("simulate", "--data", "no-such.csv", "--preference", "friendly");
        assertTrue(preference.exit == 2 && preference.err.contains("friendly") && !preference.err.contains("no-such"), preference.err);
    }

    /** What a command run in this JVM exited with and wrote on stderr. */
    record Printed(int exit, String err) {
    }

    @Test
    void aMisspeltCommandIsNamedWithTheOneMeant() {
        // Picocli said "Unmatched argument at index 0: 'serv'" and pointed at the options.
        Printed serv = run("serv");
        assertEquals(2, serv.exit);
        assertTrue(serv.err.contains("loopwise: there is no command 'serv' (did you mean serve"), serv.err);
        assertTrue(serv.err.contains("Run 'loopwise --help' to see its commands.") && !serv.err.contains("Unmatched"), serv.err);
        Printed sub = run("api-key", "crate");
        assertEquals(2, sub.exit);
        assertTrue(sub.err.contains("loopwise api-key: there is no command 'crate' (did you mean create"), sub.err);
    }

    static Printed run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = LoopwiseCommand.commandLine().execute(args);
            return new Printed(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }
}
