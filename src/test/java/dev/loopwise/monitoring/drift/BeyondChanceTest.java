package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The alarms' tests on cases computed by hand, edges included. */
class BeyondChanceTest {

    @Test
    void exactBinomialAboveARate() {
        // 4 thumbs down of 10 against 30%: P(X ≥ 4), X ~ Bin(10, 0.3) = 1 − 0.6496107184 = 0.3503892816 — mostly chance.
        assertEquals(0.3503892816, BeyondChance.aboveRate(4, 10, 0.3), 1e-9);
        // 10 of 10 against ½: 1/1024.
        assertEquals(1.0 / 1024, BeyondChance.aboveRate(10, 10, 0.5), 1e-12);
        assertEquals(1.0, BeyondChance.aboveRate(0, 10, 0.3), 0, "none over the line is no evidence");
        assertEquals(1.0, BeyondChance.aboveRate(0, 0, 0.3), 0, "no cases at all");
    }

    @Test
    void oneSidedTTestBelowAMean() {
        // 0.6, 0.7, 0.8 against 0.9: mean 0.7, s = 0.1, t = 0.2·√3/0.1 = 3.4641 on 2 degrees of freedom, P(T ≥ t) = 0.0370900.
        assertEquals(0.0370900, BeyondChance.belowMean(new double[] {0.6, 0.7, 0.8}, 0.9), 1e-6);
        // The same scores against their own mean: t = 0, p = ½.
        assertEquals(0.5, BeyondChance.belowMean(new double[] {0.6, 0.7, 0.8}, 0.7), 1e-12);
    }
}
