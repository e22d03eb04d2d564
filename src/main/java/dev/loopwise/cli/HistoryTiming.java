package dev.loopwise.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Wall-clock latencies of repeated calls, after calls that are not counted (warm-up; three unless said). */
final class HistoryTiming {
    private HistoryTiming() {
    }

    static double[] of(int runs, Callable<?> call) throws Exception {
        return of(runs, 3, () -> {
        }, call);
    }

    static double[] of(int runs, int warmUps, Runnable prepare, Callable<?> call) throws Exception {
        for (int i = 0; i < warmUps; i++) {
            prepare.run();
            call.call();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            prepare.run();
            long begin = System.nanoTime();
            call.call();
            times.add((System.nanoTime() - begin) / 1e6);
        }
        return percentiles(times);
    }

    static double[] percentiles(List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {sorted.get((int) Math.floor(0.5 * sorted.size())),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(0.95 * sorted.size())))};
    }
}
