package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An outcome rate alerts only when it lies above its limit by more than chance allows, and says how sure that is. */
class OutcomeAlertsTest {
    // Thumbs-down limit 30%, other-reply limit 60%, tested at the input-drift level 0.01.
    private static final DriftSettings SETTINGS = new DriftSettings(20, 20, 50, 0.01, 0.002, 0.25, 0.1, 3, 0.15, 0.15, 0.3, 0.6, 42);

    @Test
    void fourThumbsDownOfTenIsNoAlertAgainstALimitOfThirtyPercent() {
        // P(X ≥ 4 | Bin(10, 0.3)) = 1 − (0.0282475 + 0.1210608 + 0.2334744 + 0.2668279) = 0.3503893: chance, though 40% > 30%.
        DriftDetector.Report four = check(10, 4, 0, 0);
        assertTrue(alerts(four).isEmpty(), alerts(four).toString());
        assertEquals(0.4, (Double) four.signals().get("outcome/thumbs_down_rate"), 1e-12);
        assertEquals(0.3503893, (Double) four.signals().get("outcome/thumbs_down_p_value"), 1e-7);
        // 8 of 10: 45·0.3⁸·0.7² + 10·0.3⁹·0.7 + 0.3¹⁰ = 0.0014467 + 0.0001378 + 0.0000059 = 0.0015904 < 0.01: an alert,
        // which says what it rests on.
        DriftDetector.Report eight = check(10, 8, 0, 0);
        assertEquals(0.0015904, (Double) eight.signals().get("outcome/thumbs_down_p_value"), 1e-7);
        assertEquals(List.of("80% of 10 verdicts were thumbs down (limit 30%, binomial p = 0.0016)."), alerts(eight));
    }

    @Test
    void reviewersPreferringAnotherReplyAlertOnlyBeyondChance() {
        // 13 of 20 (65% > 60%): P(X ≥ 13 | Bin(20, 0.6)) = 0.4159, no alert. 20 of 20: 0.6²⁰ = 0.0000366, an alert.
        DriftDetector.Report thirteen = check(0, 0, 20, 13);
        assertTrue(alerts(thirteen).isEmpty(), alerts(thirteen).toString());
        assertEquals(0.4159, (Double) thirteen.signals().get("outcome/non_first_choice_p_value"), 1e-4);
        DriftDetector.Report all = check(0, 0, 20, 20);
        assertEquals(Math.pow(0.6, 20), (Double) all.signals().get("outcome/non_first_choice_p_value"), 1e-12);
        assertEquals(1, alerts(all).size(), alerts(all).toString());
    }

    private static List<String> alerts(DriftDetector.Report report) {
        return report.alerts().stream().filter(a -> a.signal().equals("thumbs_down") || a.signal().equals("reviewer_preference"))
                .map(DriftDetector.Alert::message).toList();
    }

    /** Twenty requests like the reference's own tickets, with the outcomes given. */
    private static DriftDetector.Report check(int feedback, int thumbsDown, int judgements, int nonFirstChoice) {
        float[][] vectors = new float[20][];
        List<String> texts = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            double angle = i * Math.PI / 40;
            vectors[i] = new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
            texts.add("where is my parcel " + i);
            intents.add("track_order");
        }
        double[] confidence = new double[vectors.length];
        Arrays.fill(confidence, 0.9);
        DriftDetector.Reference known = new DriftDetector.Reference(vectors, vectors, Map.of("track_order", 20), 0.9, 0,
                new double[] {0.5, 0.6, 0.7, 0.8});
        return DriftDetector.check(known, new DriftDetector.Window(vectors, texts, intents, confidence, new boolean[vectors.length],
                feedback, thumbsDown, judgements, nonFirstChoice), SETTINGS);
    }
}
