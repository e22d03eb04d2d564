package dev.loopwise.review.judging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Krippendorff's alpha as of each day with overlap votes, and as of now, from the daily changes of the
 * coincidence matrix ({@link TallySums}) in one pass: the marginals n_c, their total n and the off-diagonal
 * total are running sums, and the expected disagreement Σ_{c≠k} n_c·n_k is n² − Σ n_c².
 */
record AlphaSeries(List<ReviewStats.AlphaPoint> points, Double alpha, long units) {

    /** One day's change in a row of the coincidence matrix: its total, and the part off the diagonal. */
    record Marginal(LocalDate day, String value, double weight, double offDiagonal) {
    }

    /** {@code days}: per day {overlap votes, change in units with two or more values}; {@code marginals} sorted by day. */
    static AlphaSeries of(Map<LocalDate, long[]> days, List<Marginal> marginals) {
        return new Running().add(days, marginals).series();
    }

    /**
     * The pass, resumable: the days up to some day summed once, then later days added to a copy as often as wanted.
     * Each {@link #add} must bring days after those of the previous one.
     */
    static final class Running {
        private final List<ReviewStats.AlphaPoint> points = new ArrayList<>();
        private final Map<String, Double> running = new TreeMap<>();
        private double observed;
        private long units;

        Running add(Map<LocalDate, long[]> days, List<Marginal> marginals) {
            int next = 0;
            for (var day : new TreeMap<>(days).entrySet()) {
                for (; next < marginals.size() && !marginals.get(next).day().isAfter(day.getKey()); next++) {
                    add(marginals.get(next));
                }
                units += day.getValue()[1];
                if (day.getValue()[0] > 0) {
                    points.add(new ReviewStats.AlphaPoint(day.getKey().toString(), alpha(running, observed, units), (int) units));
                }
            }
            for (; next < marginals.size(); next++) {
                add(marginals.get(next));
            }
            return this;
        }

        private void add(Marginal marginal) {
            running.merge(marginal.value(), marginal.weight(), Double::sum);
            observed += marginal.offDiagonal();
        }

        Running copy() {
            Running copy = new Running();
            copy.points.addAll(points);
            copy.running.putAll(running);
            copy.observed = observed;
            copy.units = units;
            return copy;
        }

        AlphaSeries series() {
            return new AlphaSeries(List.copyOf(points), alpha(running, observed, units), units);
        }
    }

    private static Double alpha(Map<String, Double> marginals, double observed, long units) {
        double n = 0;
        double squares = 0;
        for (double m : marginals.values()) {
            // A row added and taken away again leaves rounding dust; a real row holds at least 1.
            if (Math.abs(m) > 1e-9) {
                n += m;
                squares += m * m;
            }
        }
        return Agreement.krippendorffAlpha(n, observed, n * n - squares, units);
    }
}
