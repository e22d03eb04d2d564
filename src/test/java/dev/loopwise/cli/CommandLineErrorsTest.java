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
