package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.cli.LoopwiseCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A port another program holds is named, with what to do: the stand-in said only "loopwise: Address already in use". */
class LlmStandInPortTest {
    @Test
    void aTakenPortIsNamedWithTheOptionToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream before = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = LoopwiseCommand.commandLine().execute("llm-stand-in", "--port", String.valueOf(taken.getLocalPort()));
            } finally {
                System.setErr(before);
            }
            assertEquals(2, exit);
            assertEquals("loopwise: Port " + taken.getLocalPort() + " is taken by another program: stop it or set --port to a free port.",
                    err.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
