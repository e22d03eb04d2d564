package dev.loopwise.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher's own settings are JVM options: a mistyped one was refused by the JVM after the build and the database check,
 * naming its option and not the variable ("Invalid initial heap size: -Xms64mb"). The launcher refuses it first, in the
 * sentence the application uses, and builds, checks and starts nothing.
 */
class LauncherSettingsTest {
    @Test
    void aMistypedHeapSizeOrIntervalStopsTheLauncherNamingTheVariable() throws Exception {
        String heap = "a size with k, m or g after it is expected, such as 64m or 1g";
        for (String bad : new String[] {"64mb", "64 m", "64", "0", "-1g"}) {
            assertEquals(sentence("LOOPWISE_INITIAL_HEAP", bad, heap), launch("serve", Map.of("LOOPWISE_INITIAL_HEAP", bad)));
        }
        String millis = "a whole number of milliseconds is expected, such as 5000; 0 turns it off";
        assertEquals(sentence("LOOPWISE_IDLE_GC_MS", "15s", millis), launch("demo", Map.of("LOOPWISE_IDLE_GC_MS", "15s")));
        assertEquals(sentence("LOOPWISE_NATIVE_TRIM_MS", "-1", millis), launch("serve", Map.of("LOOPWISE_NATIVE_TRIM_MS", "-1")));
    }

    /** What the launcher says and its exit code; a value it takes would go on to build and start, which this never reaches. */
    private static String launch(String command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder launcher = new ProcessBuilder("bash", "loopwise", command).redirectErrorStream(true);
        launcher.environment().putAll(environment);
        Process process = launcher.start();
        process.getOutputStream().close();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return said + " (exit " + process.waitFor() + ")";
    }

    private static String sentence(String variable, String value, String expected) {
        return variable + " is '" + value + "', which Loopwise cannot use (" + expected + "): correct it and start again. (exit 1)";
    }
}
