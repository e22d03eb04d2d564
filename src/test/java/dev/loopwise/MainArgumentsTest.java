package dev.loopwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.cli.LoopwiseCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code serve --help} and {@code demo --help} are answered with their help: neither starts the service. */
class MainArgumentsTest {

    @Test
    void onlyServeOrDemoAloneStartsTheServiceAndTheirHelpIsPrinted() {
        assertTrue(Main.startsService());
        assertTrue(Main.startsService("serve"));
        assertTrue(Main.startsService("demo"));
        assertFalse(Main.startsService("demo", "--help"));
        assertFalse(Main.startsService("serve", "-h"));
        assertFalse(Main.startsService("serve", "--prot", "8081"));
        for (String command : new String[] {"serve", "demo"}) {
            StringWriter out = new StringWriter();
            assertEquals(0, LoopwiseCommand.commandLine().setOut(new PrintWriter(out)).execute(command, "--help"));
            assertTrue(out.toString().startsWith("Usage: loopwise " + command), out.toString());
            StringWriter err = new StringWriter();
            assertEquals(2, LoopwiseCommand.commandLine().setErr(new PrintWriter(err)).execute(command, "--prot", "8081"));
            assertTrue(err.toString().startsWith("loopwise " + command + ": there is no option '--prot'"), err.toString());
        }
    }
}
