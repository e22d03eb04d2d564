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
    private static final String HEAP = "0 or a size of at least 1 MB, in bytes or with k, m, g or t after it, is expected, such as 64m"
            + " or 1g; 0 leaves it to the JVM";
    private static final String MILLIS = "a whole number of milliseconds from 0 to 86400000 (a day) is expected, such as 5000;"
            + " 0 turns it off";

    @Test
    void aMistypedHeapSizeOrIntervalStopsTheLauncherNamingTheVariable() throws Exception {
        for (String bad : new String[] {"64mb", "64 m", "-1g", "512k", "1048575", "4194305t", "1234567890123456"}) {
            assertEquals(sentence("LOOPWISE_INITIAL_HEAP", bad, HEAP), launch("serve", Map.of("LOOPWISE_INITIAL_HEAP", bad)));
        }
        assertEquals(sentence("LOOPWISE_IDLE_GC_MS", "15s", MILLIS), launch("demo", Map.of("LOOPWISE_IDLE_GC_MS", "15s")));
        assertEquals(sentence("LOOPWISE_IDLE_GC_MS", "99999999999999999999", MILLIS),
                launch("demo", Map.of("LOOPWISE_IDLE_GC_MS", "99999999999999999999")));
        assertEquals(sentence("LOOPWISE_IDLE_GC_MS", "86400001", MILLIS), launch("serve", Map.of("LOOPWISE_IDLE_GC_MS", "86400001")));
        assertEquals(sentence("LOOPWISE_NATIVE_TRIM_MS", "-1", MILLIS), launch("serve", Map.of("LOOPWISE_NATIVE_TRIM_MS", "-1")));
    }

    /**
     * Sizes and intervals the JVM takes pass: the heap and the idle interval are checked before the trim interval, so a
     * refused trim interval shows the launcher got past them without building or starting anything.
     */
    @Test
    void whatTheJvmTakesPasses() throws Exception {
        String trimRefused = sentence("LOOPWISE_NATIVE_TRIM_MS", "x", MILLIS);
        for (String heap : new String[] {"64m", "0", "0m", "1t", "67108864", "1048576", "1024k", "2G"}) {
            assertEquals(trimRefused, launch("serve", Map.of("LOOPWISE_INITIAL_HEAP", heap, "LOOPWISE_NATIVE_TRIM_MS", "x")), heap);
        }
        for (String idle : new String[] {"0", "86400000"}) {
            assertEquals(trimRefused, launch("serve", Map.of("LOOPWISE_IDLE_GC_MS", idle, "LOOPWISE_NATIVE_TRIM_MS", "x")), idle);
        }
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
