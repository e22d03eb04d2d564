package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * New topics on the version's own scale: a rank test against the held-out tickets' familiarity, checked on a case
 * worked by hand and on seeded vectors — known subjects (no alarm), a new subject (an alarm naming one group), and
 * scattered strange requests (an alarm that names no topic) — at two scales of similarity, as two encoders would give.
 */
class UnfamiliarTest {
    private static final int DIMENSIONS = 128;

    @Test
    void theRankTestMatchesACaseWorkedByHand() {
        // Held-out familiarity 0.2 < 0.4 < 0.6 < 0.8; quantile 0.25 → the line is the least familiar one (j = 1).
        // Both window requests fall below it: P = P(the 2 least familiar of all 6 are both window requests) = 2/6 · 1/5.
        float[][] neighbours = {unit(1, 0), unit(0, 1)};
        float[][] window = {unit(-1, 0.05), unit(-1, -0.05)}; // nearly opposite to every training ticket
        DriftDetector.Reference reference = new DriftDetector.Reference(neighbours, neighbours, Map.of(), 0.9, 0,
                new double[] {0.2, 0.4, 0.6, 0.8});
        Unfamiliar.Found found = Unfamiliar.find(reference, window(window, List.of("a", "b")), settings(0.25, 1));
        assertEquals(2, found.count());
        assertEquals(1.0 / 15, found.pValue(), 1e-12);
        assertEquals(2 * 1.0 / 5, found.expected(), 1e-12); // n · j / (m + 1)
        assertFalse(found.alarms(), "1/15 is no evidence at the 0.001 level");
        assertEquals(null, found.alertLine(), "two requests could never be enough here");
        // Repeated requests count once: the same text twenty times is one request.
        List<String> same = new ArrayList<>();
        float[][] repeated = new float[20][];
        for (int i = 0; i < 20; i++) {
            same.add("a");
            repeated[i] = window[0];
        }
        assertEquals(1, Unfamiliar.find(reference, window(repeated, same), settings(0.25, 1)).count());
    }

    @Test
    void withoutHeldOutTicketsOrWithOnlyHandedOverRequestsNothingAlarms() {
        float[][] neighbours = {unit(1, 0), unit(0, 1)};
        float[][] strange = {unit(-1, 0.05), unit(-1, -0.05), unit(-1, 0.1)};
        List<String> texts = List.of("a", "b", "c");
        // No held-out tickets (a version trained on everything): no scale to read familiarity on, so no verdict.
        DriftDetector.Reference none = new DriftDetector.Reference(neighbours, neighbours, Map.of(), 0.9, 0, new double[0]);
        Unfamiliar.Found unscaled = Unfamiliar.find(none, window(strange, texts), settings(0.25, 1));
        assertEquals(0, unscaled.count());
        assertFalse(unscaled.alarms());
        // Requests the version hands over are the out-of-scope rate's to watch, not this test's.
        DriftDetector.Reference scaled = new DriftDetector.Reference(neighbours, neighbours, Map.of(), 0.9, 0,
                new double[] {0.2, 0.4, 0.6, 0.8});
        DriftDetector.Window handedOver = new DriftDetector.Window(strange, texts, texts, new double[3], new boolean[] {true, true, true},
                0, 0, 0, 0);
        assertEquals(0, Unfamiliar.find(scaled, handedOver, settings(0.25, 1)).count());
    }

    @Test
    void knownSubjectsStayQuietANewOneIsNamedAndScatteredOnesAreReportedWithoutATopic() {
        for (double spread : new double[] {0.35, 0.9}) { // tight and loose clusters: high and low cosines, as two encoders give
            Random random = new Random(42);
            float[][] centres = new float[6][];
            for (int c = 0; c < centres.length; c++) {
                centres[c] = randomUnit(random);
            }
            float[][] training = around(centres, 0, 5, 400, spread, random);
            float[][] heldOut = around(centres, 0, 5, 150, spread, random);
            DriftDetector.Reference reference = new DriftDetector.Reference(training, training, Map.of(), 0.9, 0,
                    Unfamiliar.familiarity(heldOut, training, false));
            DriftSettings settings = settings(0.1, 5);

            Unfamiliar.Found usual = Unfamiliar.find(reference, window(around(centres, 0, 5, 200, spread, random)), settings);
            assertFalse(usual.alarms(), "known subjects, spread " + spread + ": " + usual);

            float[][] shifted = concat(around(centres, 0, 5, 120, spread, random), around(centres, 5, 6, 80, spread, random));
            Unfamiliar.Found topic = Unfamiliar.find(reference, window(shifted), settings);
            assertTrue(topic.alarms() && topic.pValue() < 1e-6, "a new subject, spread " + spread + ": " + topic);
            assertTrue(topic.count() >= topic.alertLine() && usual.count() < usual.alertLine(), "the dashboard's line sits between them");
            assertTrue(Unfamiliar.pValue(150, 200, 15, topic.alertLine()) < 0.001 && Unfamiliar.pValue(150, 200, 15, topic.alertLine() - 1) >= 0.001
                    || topic.alertLine() - 1 < topic.expected() + 5, "the line is the fewest that would alarm");
            assertFalse(topic.topics().isEmpty(), "named as a topic: " + topic.message());
            assertTrue(topic.topics().get(0).size() >= 40, "most of the 80 in one group: " + topic.topics().get(0).size());
            assertTrue(topic.message().contains(topic.topics().size() == 1 ? "; one group of them, " + topic.topics().get(0).size()
                    + " requests, looks like a new topic, e.g. \"" : " groups of them look like new topics, the largest has ")
                    && !topic.message().contains("(s)"), topic.message());

            // Each about something else: as unrelated to one another as to anything the version knows.
            float[][] strange = new float[80][];
            for (int i = 0; i < strange.length; i++) {
                strange[i] = new float[DIMENSIONS];
                strange[i][i] = 1;
            }
            Unfamiliar.Found scattered = Unfamiliar.find(reference, window(concat(around(centres, 0, 5, 120, spread, random), strange)),
                    settings);
            assertTrue(scattered.alarms(), "scattered strange requests, spread " + spread + ": " + scattered);
            assertTrue(scattered.topics().isEmpty() && scattered.message().contains("do not form one topic"), scattered.message());
        }
    }

    private static DriftSettings settings(double quantile, int minCluster) {
        return new DriftSettings(200, 300, 200, 0.01, 0.002, 0.25, quantile, minCluster, 0.15, 0.15, 0.3, 0.6, 42);
    }

    private static DriftDetector.Window window(float[][] vectors) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            texts.add("request " + i);
        }
        return window(vectors, texts);
    }

    private static DriftDetector.Window window(float[][] vectors, List<String> texts) {
        return new DriftDetector.Window(vectors, texts, texts, new double[vectors.length], new boolean[vectors.length], 0, 0, 0, 0);
    }

    /** {@code count} unit vectors, each near a centre from {@code from} (inclusive) to {@code to} (exclusive) in turn. */
    private static float[][] around(float[][] centres, int from, int to, int count, double spread, Random random) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] centre = centres[from + i % (to - from)];
            float[] v = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] = (float) (centre[d] + spread * random.nextGaussian() / Math.sqrt(DIMENSIONS));
            }
            out[i] = normalised(v);
        }
        return out;
    }

    private static float[] randomUnit(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return normalised(v);
    }

    private static float[] unit(double x, double y) {
        float[] v = new float[DIMENSIONS];
        v[0] = (float) x;
        v[1] = (float) y;
        return normalised(v);
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static float[][] concat(float[][] a, float[][] b) {
        float[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
