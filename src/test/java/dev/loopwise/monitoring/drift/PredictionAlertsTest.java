package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Falling confidence and a rising out-of-scope share alert only when they cross their line by more than chance allows, at the
 * input-drift level, and say how sure that is. Held-out level: confidence 0.9, nothing handed over; both lines 0.15 away.
 */
class PredictionAlertsTest {
    private static final DriftSettings SETTINGS = new DriftSettings(20, 20, 50, 0.01, 0.002, 0.25, 0.1, 3, 0.15, 0.15, 0.3, 0.6, 42);

    @Test
    void outOfScopeShareAlertsFromEightOfTwentyNotSeven() {
        // Line 0 + 0.15. P(X ≥ 7 | Bin(20, 0.15)) = 0.021935 > 0.01: 35% is over the line, but chance could give it.
        DriftDetector.Report seven = check(fill(20, 0.9), 7);
        assertEquals(0.35, (Double) seven.signals().get("prediction/oos_rate"), 1e-12);
        assertEquals(0.021935, (Double) seven.signals().get("prediction/oos_p_value"), 1e-6);
        assertTrue(alerts(seven, "oos_rate").isEmpty(), alerts(seven, "oos_rate").toString());
        // P(X ≥ 8) = 0.021935 − C(20,7)·0.15⁷·0.85¹³ = 0.021935 − 0.016014 = 0.005921 < 0.01: an alert, saying what it rests on.
        DriftDetector.Report eight = check(fill(20, 0.9), 8);
        assertEquals(0.005921, (Double) eight.signals().get("prediction/oos_p_value"), 1e-6);
        assertEquals(List.of("40% of 20 requests were handed over as out of scope (0% of the tickets kept aside for measuring, limit 15%, binomial p = 0.0059)."),
                alerts(eight, "oos_rate"));
    }

    @Test
    void nothingHandedOverNeverAlerts() {
        DriftDetector.Report none = check(fill(20, 0.9), 0);
        assertEquals(1.0, (Double) none.signals().get("prediction/oos_p_value"), 1e-12);
        assertTrue(none.alerts().stream().noneMatch(a -> a.signal().equals("oos_rate") || a.signal().equals("confidence")));
    }

    @Test
    void confidenceAlertsOnlyWhenItsFallIsBeyondChance() {
        // Line 0.9 − 0.15 = 0.75; each window: mean 0.70, half at 0.70 + d and half at 0.70 − d, so s = d·√(20/19) and
        // t = 0.05·√20 / s with 19 degrees of freedom. d = 0.09: s = 0.092338, t = 2.4216, p = 0.012813 > 0.01 — no alert,
        // though the mean is under the line (the raw mean alone alerted).
        DriftDetector.Report wide = check(halves(0.09), 0);
        assertEquals(0.70, (Double) wide.signals().get("prediction/mean_confidence"), 1e-12);
        assertEquals(0.012813, (Double) wide.signals().get("prediction/confidence_p_value"), 1e-6);
        assertTrue(alerts(wide, "confidence").isEmpty(), alerts(wide, "confidence").toString());
        // d = 0.085: s = 0.087208, t = 2.5641, p = 0.009492 < 0.01: an alert.
        DriftDetector.Report narrow = check(halves(0.085), 0);
        assertEquals(0.009492, (Double) narrow.signals().get("prediction/confidence_p_value"), 1e-6);
        assertEquals(List.of("Mean confidence 0.700 of 20 requests fell below 0.750 (0.900 on the tickets kept aside for measuring, t-test p = 0.0095)."),
                alerts(narrow, "confidence"));
    }

    @Test
    void confidenceWithoutSpreadOrWithoutRequestsDecidesOutright() {
        // Every request at 0.74: the mean is under 0.75 with no doubt; at exactly 0.75 it is not under the line.
        assertEquals(0.0, BeyondChance.belowMean(fill(20, 0.74), 0.75), 0);
        assertEquals(1, alerts(check(fill(20, 0.74), 0), "confidence").size());
        assertEquals(1.0, BeyondChance.belowMean(fill(20, 0.75), 0.75), 0);
        assertNull(BeyondChance.belowMean(new double[] {0.1}, 0.75));
        assertNull(BeyondChance.belowMean(new double[0], 0.75));
    }

    private static double[] fill(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    private static double[] halves(double d) {
        double[] values = new double[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.70 + (i % 2 == 0 ? d : -d);
        }
        return values;
    }

    private static List<String> alerts(DriftDetector.Report report, String signal) {
        return report.alerts().stream().filter(a -> a.signal().equals(signal)).map(DriftDetector.Alert::message).toList();
    }

    /** Twenty requests like the reference's own tickets, with the confidences given and the first {@code handedOver} out of scope. */
    private static DriftDetector.Report check(double[] confidence, int handedOver) {
        float[][] vectors = new float[confidence.length][];
        List<String> texts = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        boolean[] oos = new boolean[confidence.length];
        for (int i = 0; i < vectors.length; i++) {
            double angle = i * Math.PI / 40;
            vectors[i] = new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
            texts.add("where is my parcel " + i);
            intents.add("track_order");
            oos[i] = i < handedOver;
        }
        DriftDetector.Reference known = new DriftDetector.Reference(vectors, vectors, Map.of("track_order", 20), 0.9, 0,
                new double[] {0.5, 0.6, 0.7, 0.8});
        return DriftDetector.check(known, new DriftDetector.Window(vectors, texts, intents, confidence, oos, 0, 0, 0, 0), SETTINGS);
    }
}
