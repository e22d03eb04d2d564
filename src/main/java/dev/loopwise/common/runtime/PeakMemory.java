package dev.loopwise.common.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory, as benchmarks report it (Linux; native memory of the engines included). */
public final class PeakMemory {
    private PeakMemory() {
    }

    /** Peak resident set size in MiB ({@code VmHWM}), or null where /proc does not tell. */
    public static Long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
