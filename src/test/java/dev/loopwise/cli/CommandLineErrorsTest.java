package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
                assertTrue(keyless.err.contains(dev.loopwise.common.AccountMessages.API_KEY_NEEDED), keyless.err);
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
                assertTrue(!refused.err.contains("URI") && !refused.err.contains("index"), refused.err);
            }
            Printed versus = run("bench-serving", "--key", "some-key", "--versus", "localhost:8081");
            assertEquals(2, versus.exit);
            assertTrue(versus.err.contains("'localhost:8081' is not the address of a running Loopwise"), versus.err);
            // A name no name server knows is not a refused connection: the name is what to check.
            Printed unknown = run("replay", "--file", file.toString(), "--key", "some-key", "--url", "http://no-such-host.invalid:8080");
            assertEquals(2, unknown.exit);
            assertTrue(unknown.err.contains("loopwise: " + dev.loopwise.common.HttpMessages.UNKNOWN_HOST), unknown.err);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        for (String[] args : new String[][] {{"user", "--help"}, {"user", "add", "--help"}, {"api-key", "create", "--help"},
                {"bench-history", "--help"}}) {
            java.io.StringWriter out = new java.io.StringWriter();
            int exit = LoopwiseCommand.commandLine().setOut(new java.io.PrintWriter(out)).execute(args);
            assertEquals(0, exit, String.join(" ", args));
            assertTrue(out.toString().startsWith("Usage: loopwise " + args[0]), out.toString());
        }
    }

    private record Printed(int exit, String err) {
    }

    private static Printed run(String... args) {
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
