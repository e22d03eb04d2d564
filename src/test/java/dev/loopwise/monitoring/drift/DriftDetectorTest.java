package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input-drift test on windows with too little variety to test: one text asked over and over. */
class DriftDetectorTest {
    private static final DriftSettings SETTINGS = new DriftSettings(20, 20, 50, 0.01, 0.002, 0.25, 0.1, 3, 0.15, 0.15, 0.3, 0.6, 42);

    @Test
    void oneTextAskedOverAndOverLeavesTheInputTestOutInsteadOfDividingByZero() {
        float[][] reference = new float[20][];
        for (int i = 0; i < reference.length; i++) {
            double angle = i * Math.PI / 40;
            reference[i] = new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
        }
        DriftDetector.Reference known = new DriftDetector.Reference(reference, reference, Map.of("track_order", 20), 0.9, 0,
                new double[] {0.5, 0.6, 0.7, 0.8});
        // A health probe: the same ticket twenty times.
        DriftDetector.Report probe = DriftDetector.check(known, window(20, 1), SETTINGS);
        assertEquals(1, probe.signals().get("input/distinct_requests"));
        assertNull(probe.signals().get("input/mmd2"), probe.signals().toString());
        assertNull(probe.signals().get("input/p_value"), "no p-value that would look significant: " + probe.signals());
        assertTrue(probe.alerts().stream().noneMatch(a -> a.signal().equals("input_drift")), probe.alerts().toString());
        // Two different texts are enough to compare, and give a finite figure.
        DriftDetector.Report two = DriftDetector.check(known, window(20, 2), SETTINGS);
        assertEquals(2, two.signals().get("input/distinct_requests"));
        assertNotNull(two.signals().get("input/p_value"));
        assertTrue(Double.isFinite((Double) two.signals().get("input/mmd2")), two.signals().toString());
    }

    /** {@code size} requests made of {@code distinct} different texts, each answered as track_order with confidence 0.9. */
    private static DriftDetector.Window window(int size, int distinct) {
        float[][] vectors = new float[size][];
        List<String> texts = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int text = i % distinct;
            vectors[i] = new float[] {(float) Math.cos(text * 0.3), (float) Math.sin(text * 0.3)};
            texts.add("where is my parcel " + text);
            intents.add("track_order");
        }
        double[] confidence = new double[size];
        Arrays.fill(confidence, 0.9);
        return new DriftDetector.Window(vectors, texts, intents, confidence, new boolean[size], 0, 0, 0, 0);
    }
}
