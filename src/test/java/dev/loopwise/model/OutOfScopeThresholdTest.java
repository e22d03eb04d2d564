package dev.loopwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-over threshold on hand-computed held-out rows, including the edges: nothing in scope, one out-of-scope example, 19 and 20. */
class OutOfScopeThresholdTest {
    private static final double[] IN_SCOPE = {0.2, 0.5, 0.7, 0.9};

    /** The four in-scope rows above (the first one wrong), then {@code oos} out-of-scope rows at {@code oosConfidence}. */
    private static double choose(int oos, double oosConfidence, double weight) {
        int n = IN_SCOPE.length + oos;
        double[] confidence = Arrays.copyOf(IN_SCOPE, n);
        Arrays.fill(confidence, IN_SCOPE.length, n, oosConfidence);
        boolean[] correct = new boolean[n];
        boolean[] outOfScope = new boolean[n];
        for (int i = 0; i < n; i++) {
            correct[i] = i > 0 && i < IN_SCOPE.length;
            outOfScope[i] = i >= IN_SCOPE.length;
        }
        return OutOfScopeThreshold.choose(confidence, correct, outOfScope, new boolean[n], 0.75, weight);
    }

    @Test
    void withoutOutOfScopeExamplesItKeepsTheRetainedShare() {
        // Keep 75% of 4 rows: hand over the floor(0.25 · 4) = 1 least sure one, at 0.2.
        assertEquals(0.2, choose(0, 0, 0.3), 1e-6);
    }

    @Test
    void oneOutOfScopeExampleIsNotWeighedAgainstAnswers() {
        // Weighed with w = 1, catching the one example at 0.6 would score 2/4 + 1 = 1.5 against 3/4 at 0.2, handing over
        // half the answers for one example; with fewer than 20 the kept-share rule applies instead.
        assertEquals(0.2, choose(1, 0.6, 1.0), 1e-6);
        assertEquals(0.2, choose(19, 0.6, 1.0), 1e-6);
    }

    @Test
    void twentyOutOfScopeExamplesAreWeighed() {
        // Twenty at 0.6, w = 1: a line just above 0.6 keeps 2/4 and catches 20/20 (1.5); just above 0.2 keeps 3/4 and
        // catches none (0.75); no line keeps 3/4 as well (the wrong row is not counted either way).
        assertEquals(0.6, choose(20, 0.6, 1.0), 1e-6);
        // With w = 0.3 catching them all (0.5 + 0.3 = 0.8) still beats answering one more right (0.75).
        assertEquals(0.6, choose(20, 0.6, 0.3), 1e-6);
        // At 0.8 they cost two right answers: 1/4 + 0.3 = 0.55 < 0.75, so the line stays at 0 (the wrong row at 0.2
        // counts the same handed over or not, and ties keep the lower line).
        assertEquals(0.0, choose(20, 0.8, 0.3), 1e-6);
    }

    @Test
    void nothingInScopeGivesNoThreshold() {
        double[] confidence = new double[25];
        boolean[] all = new boolean[25];
        Arrays.fill(all, true);
        assertEquals(0.0, OutOfScopeThreshold.choose(confidence, new boolean[25], all, new boolean[25], 0.98, 0.3));
    }

    @Test
    void enoughToWeighStartsAtTwenty() {
        assertEquals(false, OutOfScopeThreshold.enoughToWeigh(19));
        assertEquals(true, OutOfScopeThreshold.enoughToWeigh(20));
    }
}
