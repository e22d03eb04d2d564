package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code replay} on an empty file says so itself, before it connects: the server could only speak of an empty request body. */
class ReplayEmptyFileTest {

    @Test
    void anEmptyFileIsNamedAndNothingIsSent() throws Exception {
        Path file = Files.createTempFile("replay", ".csv");
        try {
            for (String empty : new String[] {"", "\n\r\n  \n"}) {
                Files.writeString(file, empty);
                // Nothing listens on port 1: had the file been sent, the command would say no Loopwise answered.
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                PrintStream before = System.err;
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int exit;
                try {
                    exit = LoopwiseCommand.commandLine().execute("replay", "--file", file.toString(), "--key", "some-key", "--url",
                            "http://127.0.0.1:1");
                } finally {
                    System.setErr(before);
                }
                String said = err.toString(StandardCharsets.UTF_8);
                assertEquals(2, exit, said);
                assertTrue(said.contains(file + " is empty, so there is nothing to replay") && said.contains("Nothing was sent."), said);
            }
        } finally {
            Files.delete(file);
        }
    }
}
