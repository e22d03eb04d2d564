package dev.loopwise.model.training;

import java.util.Map;

/**
 * Which epoch is best: the higher (or lower) {@code metric}; on a tie, the lower {@code tieBreak} (a loss,
 * say: on a small validation set many epochs share one accuracy, and the earliest is rarely the best).
 */
public record EpochSelection(String metric, boolean higherIsBetter, String tieBreak) {
    public static EpochSelection highest(String metric) {
        return new EpochSelection(metric, true, null);
    }

    public EpochSelection thenLowest(String metric) {
        return new EpochSelection(this.metric, higherIsBetter, metric);
    }

    boolean better(Map<String, Double> candidate, Map<String, Double> best) {
        double now = candidate.getOrDefault(metric, Double.NaN);
        double before = best.getOrDefault(metric, Double.NaN);
        if (Math.abs(now - before) > 1e-9) {
            return higherIsBetter ? now > before : now < before;
        }
        return tieBreak != null && candidate.getOrDefault(tieBreak, Double.NaN) < best.getOrDefault(tieBreak, Double.NaN) - 1e-9;
    }
}
