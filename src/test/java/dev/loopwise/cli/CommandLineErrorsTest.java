package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.HttpMessages;
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
                // Said, like every other refusal, after "loopwise: " (bench-serving and bench-review printed it bare).
                for (String[] args : new String[][] {{"replay", "--file", file.toString(), "--url", "http://127.0.0.1:1"},
                        {"bench-serving", "--url", "http://127.0.0.1:1"}, {"bench-review", "--url", "http://127.0.0.1:1"}}) {
                    Printed keyless = run(args);
                    assertEquals(2, keyless.exit, args[0]);
                    assertEquals("loopwise: " + AccountMessages.API_KEY_NEEDED, keyless.err.strip());
                }
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
        // A mistyped required option was answered "Missing required option: '--train'", which the user believed they gave.
        Printed typo = run("eval-intents", "--trian", "a.csv", "--test", "a.csv");
        assertEquals(2, typo.exit, typo.err);
        assertTrue(typo.err.contains("loopwise eval-intents: there is no option '--trian' (did you mean --train"), typo.err);
        assertTrue(!typo.err.contains("Missing"), typo.err);
    }

    @Test
    void eachUnknownOptionIsNamedWithoutItsValueAndOnlyANearNameIsSuggested() {
        // "--trian=a.csv" was named whole, as the option "--trian=a.csv".
        Printed joined = run("eval-intents", "--trian=a.csv", "--test", "a.csv");
        assertEquals(2, joined.exit, joined.err);
        assertTrue(joined.err.contains("there is no option '--trian' (did you mean --train?)"), joined.err);
        // Only the first of several was named.
        Printed several = run("eval-intents", "--train", "a.csv", "--test", "a.csv", "--colour", "1", "--sed=4");
        assertTrue(several.err.contains("there is no option '--colour' and no option '--sed' (did you mean --seed"), several.err);
        // Picocli's nearest names however far: "did you mean --replies-per-intent or --reward-model?".
        Printed far = run("simulate", "--data", "f.csv", "--reviews", "5");
        assertEquals(2, far.exit, far.err);
        assertTrue(far.err.contains("there is no option '--reviews'. Run") && !far.err.contains("did you mean"), far.err);
    }

    @Test
    void anOptionGivenTwiceIsSaidInWordsWithBothValues() {
        // Picocli said "option '--train' (<train>) should be specified only once".
        Printed twice = run("eval-intents", "--train", "a.csv", "--train=b.csv", "--test", "t.csv");
        assertEquals(2, twice.exit, twice.err);
        assertEquals("loopwise eval-intents: --train is given twice ('a.csv', 'b.csv'): it takes one value, so give it once. Run"
                + " 'loopwise eval-intents --help' to see its options.", twice.err.strip());
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
