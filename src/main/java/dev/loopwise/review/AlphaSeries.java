package dev.loopwise.review;

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
        List<ReviewStats.AlphaPoint> points = new ArrayList<>();
        Map<String, Double> running = new TreeMap<>();
        double observed = 0;
        long units = 0;
        int next = 0;
        for (var day : days.entrySet()) {
            for (; next < marginals.size() && !marginals.get(next).day().isAfter(day.getKey()); next++) {
                running.merge(marginals.get(next).value(), marginals.get(next).weight(), Double::sum);
                observed += marginals.get(next).offDiagonal();
            }
            units += day.getValue()[1];
            if (day.getValue()[0] > 0) {
                points.add(new ReviewStats.AlphaPoint(day.getKey().toString(), alpha(running, observed, units), (int) units));
            }
        }
        for (; next < marginals.size(); next++) {
            running.merge(marginals.get(next).value(), marginals.get(next).weight(), Double::sum);
            observed += marginals.get(next).offDiagonal();
        }
        return new AlphaSeries(points, alpha(running, observed, units), units);
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
