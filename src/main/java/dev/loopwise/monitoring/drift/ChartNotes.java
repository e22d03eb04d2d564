package dev.loopwise.monitoring.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.DriftChartMessages;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * Each drift chart's sentence, as {@code {chart:note(signal, overview)}}: its unit, what is large, and the newest check in
 * words. Lines are read as drift-charts.js draws them, so the words and the dashed line agree.
 */
@TemplateExtension(namespace = "chart")
public class ChartNotes {

    static String note(String signal, DriftOverview.Overview overview) {
        Map<String, Object> t = overview.thresholds();
        JsonNode latest = overview.latest();
        JsonNode newest = latest == null || latest.isNull() ? null : latest.path("signals");
        Double value = number(newest, signal);
        int window = (int) threshold(t, "window");
        return switch (signal) {
            case "input/mmd2" -> DriftChartMessages.difference(plain(threshold(t, signal)))
                    // The estimate can dip below zero by chance; the chart draws that as no difference, and so do the words.
                    + lined(value == null ? null : Math.max(0, value), threshold(t, signal));
            case "input/p_value" -> DriftChartMessages.luck(plain(threshold(t, signal)), oneIn(threshold(t, signal)))
                    + (value == null ? "" : DriftChartMessages.newestLuck(oneIn(value), value < threshold(t, signal)));
            case "input/new_topic_requests" -> {
                Double line = number(newest, "input/new_topic_alert_line");
                int[] read = windows(overview);
                yield DriftChartMessages.unfamiliar(read[0], read[1]) + (value == null || line == null ? ""
                        : DriftChartMessages.newestCount(Math.round(value), latest.path("requests").asInt(window), Math.round(line)));
            }
            case "prediction/psi" -> {
                double excess = threshold(t, "prediction/psi_excess");
                Double chance = number(newest, "prediction/psi_by_chance");
                yield DriftChartMessages.mixShift(plain(excess), chance == null ? null : plain(chance))
                        + (chance == null ? "" : lined(value, chance + excess));
            }
            case "prediction/mean_confidence" -> DriftChartMessages.confidence(Math.round(threshold(t, "prediction/confidence_drop") * 100))
                    + percentNow(value);
            case "prediction/oos_rate" -> DriftChartMessages.handedOver(Math.round(threshold(t, "prediction/oos_rise") * 100)) + percentNow(value);
            case "outcome/thumbs_down_rate" -> DriftChartMessages.ratedDown(Math.round(threshold(t, signal) * 100))
                    + lined(value, threshold(t, signal));
            case "outcome/non_first_choice_rate" -> DriftChartMessages.otherReply(Math.round(threshold(t, signal) * 100))
                    + lined(value, threshold(t, signal));
            default -> "";
        };
    }

    /**
     * The fewest and the most requests the charted checks read: a check counts out of the window set when it ran, which a
     * change of the setting since does not alter. The window set now while no check tells otherwise.
     */
    static int[] windows(DriftOverview.Overview overview) {
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (JsonNode check : overview.series() == null ? List.<JsonNode>of() : overview.series()) {
            if (check.path("requests").isNumber()) {
                fewest = Math.min(fewest, check.path("requests").asInt());
                most = Math.max(most, check.path("requests").asInt());
            }
        }
        if (most == 0) {
            int window = (int) threshold(overview.thresholds(), "window");
            return new int[] {window, window};
        }
        return new int[] {fewest, most};
    }

    /** Where the newest figure stands against a line it alerts above; nothing before it was measured. */
    static String lined(Double value, double line) {
        if (value == null) {
            return "";
        }
        return value > line ? DriftChartMessages.newestPast(line > 0 ? Math.round(value / line) : 1) : DriftChartMessages.NEWEST_UNDER;
    }

    private static String percentNow(Double value) {
        return value == null ? "" : DriftChartMessages.newestPercent(Math.round(value * 100));
    }

    /** A chance as "1 in N", N to two significant figures: "1 in 201" reads as more precise than a chance is. */
    static long oneIn(double chance) {
        if (chance <= 0) {
            return Long.MAX_VALUE;
        }
        return new BigDecimal(1 / chance).round(new MathContext(2)).longValue();
    }

    /** A figure to two significant figures without an exponent: 0.002, 0.087, 0.25. */
    static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    private static double threshold(Map<String, Object> thresholds, String key) {
        return ((Number) thresholds.get(key)).doubleValue();
    }

    private static Double number(JsonNode signals, String key) {
        JsonNode node = signals == null ? null : signals.get(key);
        return node == null || !node.isNumber() ? null : node.asDouble();
    }
}
