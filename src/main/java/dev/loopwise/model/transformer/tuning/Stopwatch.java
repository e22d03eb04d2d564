package dev.loopwise.model.transformer.tuning;

import dev.loopwise.model.training.TrainingMonitor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall and CPU seconds per stage, and the monitor clock's start for the deadline. */
public final class Stopwatch {
    final long clockStart;
    private final long wallStart = System.nanoTime();
    private final long cpuStart = TrainingMonitor.threadCpuClock().getAsLong();
    private long lap = wallStart;
    private final Map<String, Double> times = new LinkedHashMap<>();

    public Stopwatch(TrainingMonitor monitor) {
        this.clockStart = monitor.clock().getAsLong();
    }

    /** The monitor clock's reading {@code seconds} after the start. */
    public long deadline(double seconds) {
        return clockStart + (long) (seconds * 1e9);
    }

    public void lap(String stage) {
        long now = System.nanoTime();
        times.merge("time/" + stage + "_s", (now - lap) / 1e9, Double::sum);
        lap = now;
    }

    public Map<String, Double> times() {
        Map<String, Double> out = new LinkedHashMap<>(times);
        out.put("time/total_s", (System.nanoTime() - wallStart) / 1e9);
        out.put("time/cpu_s", (TrainingMonitor.threadCpuClock().getAsLong() - cpuStart) / 1e9);
        return out;
    }
}
