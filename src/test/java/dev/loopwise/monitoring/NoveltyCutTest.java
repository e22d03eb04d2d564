package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where unfamiliar begins is measured on the version's own held-out tickets, so it follows the encoder's spread. */
class NoveltyCutTest {
    /** A unit vector in the plane at cosine {@code c} from (1, 0). */
    private static float[] at(double c) {
        return new float[] {(float) c, (float) Math.sqrt(1 - c * c)};
    }

    private static final DriftSettings SETTINGS = new DriftSettings(10, 10, 20, 0.01, 0.002, 0.25, 0.5, 5, 0.1, 0.1, 0.3, 0.5, 1);

    @Test
    void theCutIsTheSecondPercentileOfTheHeldOutTicketsNearestSimilarity() {
        float[][] neighbours = {at(1)};
        float[][] heldOut = new float[50][];
        Arrays.fill(heldOut, at(0.95));
        heldOut[7] = at(0.80);
        heldOut[8] = at(0.85);
        // 50 tickets: the 2nd percentile is the lowest (index ⌊0.02 · 49⌋ = 0).
        assertEquals(0.80, NoveltyCut.of(heldOut, neighbours), 1e-6);
        assertTrue(Double.isNaN(NoveltyCut.of(Arrays.copyOf(heldOut, 19), neighbours)), "19 tickets measure no cut");
        // Each against the others: three close pairs and one loner whose nearest is 0.8.
        List<float[]> training = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            training.add(at(1));
        }
        training.add(at(0.8));
        assertEquals(0.8, NoveltyCut.leaveOneOut(training.toArray(float[][]::new)), 1e-6);
    }

    @Test
    void requestsBelowTheMeasuredCutFormANewTopicWhereTheFixedOneSawNone() {
        float[][] neighbours = {at(1)};
        float[][] window = new float[8][];
        Arrays.fill(window, at(0.7)); // a new subject, though 0.7 similar: an encoder whose similarities run high
        DriftDetector.Window requests = new DriftDetector.Window(window, List.of("a", "b", "c", "d", "e", "f", "g", "h"),
                List.of("x", "x", "x", "x", "x", "x", "x", "x"), new double[8], new boolean[8], 0, 0, 0, 0);
        DriftDetector.Reference fixed = new DriftDetector.Reference(neighbours, neighbours, Map.of("x", 1), 0.9, 0, Double.NaN);
        assertEquals(List.of(), DriftDetector.newTopics(fixed, requests, SETTINGS), "0.7 is above the fixed 0.5");
        DriftDetector.Reference measured = new DriftDetector.Reference(neighbours, neighbours, Map.of("x", 1), 0.9, 0, 0.8);
        List<DriftDetector.Cluster> topics = DriftDetector.newTopics(measured, requests, SETTINGS);
        assertEquals(1, topics.size());
        assertEquals(8, topics.get(0).size());
    }
}
