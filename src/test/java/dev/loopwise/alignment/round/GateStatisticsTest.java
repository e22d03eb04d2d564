package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.round.GateStatistics.Interval;
import dev.loopwise.alignment.round.GateStatistics.Paired;
import org.junit.jupiter.api.Test;

/** The gates' statistics on cases computed by hand (or with an independent implementation, as noted). */
class GateStatisticsTest {

    @Test
    void wilsonIntervalOfNoSuccessInTwo() {
        // centre = (0 + z²/4) / (1 + z²/2), half-width the same: [0, 2·0.3288] at z = 1.96.
        Interval interval = GateStatistics.wilson(0, 2, 1.96);
        assertEquals(0.0, interval.low(), 1e-12);
        assertEquals(0.65762, interval.high(), 1e-5);
    }

    @Test
    void wilsonIntervalOfAMeanScoreIsTheProportionsAtTheSameShare() {
        // Two right, two wrong and a tie counted half: a mean score of ½ on 5. Centre ½, half-width
        // z/(1 + z²/5)·√(0.25/5 + z²/100) = 1.10839 · 0.29735 = 0.32958 at z = 1.96.
        Interval interval = GateStatistics.wilson(0.5, 5, 1.96);
        assertEquals(0.5 - 0.32958, interval.low(), 1e-5);
        assertEquals(0.5 + 0.32958, interval.high(), 1e-5);
        assertEquals(GateStatistics.wilson(3, 4, 1.96), GateStatistics.wilson(0.75, 4, 1.96));
    }

    @Test
    void exactMcNemarCountsOnlyTheDisagreements() {
        // 5 disagreements, all for the first version: P(X ≥ 5 | Bin(5, ½)) = 1/32.
        assertEquals(1.0 / 32, GateStatistics.mcnemarOneSided(new Paired(40, 5, 0, 10)), 1e-12);
        // 3 to 1: P(X ≥ 3 | Bin(4, ½)) = 5/16, whatever the agreements.
        assertEquals(5.0 / 16, GateStatistics.mcnemarOneSided(new Paired(100, 3, 1, 0)), 1e-12);
        // No disagreement: no evidence either way.
        assertEquals(1.0, GateStatistics.mcnemarOneSided(new Paired(2, 0, 0, 0)), 1e-12);
    }

    @Test
    void newcombeIntervalMatchesAnIndependentComputation() {
        // a=12 b=9 c=2 d=21 (n = 44): Δ = 7/44 = 0.1591; the interval was computed separately (Python,
        // Wilson margins at z = 1.959964, φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d))).
        Paired table = new Paired(12, 9, 2, 21);
        Interval interval = GateStatistics.newcombe(table, 1.959964);
        assertEquals(7.0 / 44, table.effect(), 1e-12);
        assertEquals(NEWCOMBE_LOW, interval.low(), 1e-4);
        assertEquals(NEWCOMBE_HIGH, interval.high(), 1e-4);
    }

    @Test
    void twoIdenticalVersionsOnTwoItemsDecideNothing() {
        // The first round of the demo: both versions right on the 2 held-out pairs. The interval is wide.
        Interval interval = GateStatistics.newcombe(new Paired(2, 0, 0, 0), GateStatistics.Z_ALPHA);
        assertEquals(0.0, new Paired(2, 0, 0, 0).effect());
        assertTrue(interval.low() < -0.3 && interval.high() > 0.3, interval.toString());
    }

    @Test
    void sampleSizesShrinkWithTheEffect() {
        // Connor's formula with ψ = (10 + 1)/(100 + 2) and Δ = 0.05: ((1.645·√ψ + 0.842·√(ψ − Δ²)) / Δ)².
        double psi = 11.0 / 102;
        double expected = Math.pow((GateStatistics.Z_ALPHA * Math.sqrt(psi) + GateStatistics.Z_POWER * Math.sqrt(psi - 0.0025)) / 0.05, 2);
        assertEquals((int) Math.ceil(expected), GateStatistics.pairedItemsNeeded(new Paired(80, 8, 2, 10), 0.05));
        assertTrue(GateStatistics.pairedItemsNeeded(new Paired(80, 8, 2, 10), 0.10) < GateStatistics.pairedItemsNeeded(new Paired(80, 8, 2, 10), 0.05));
        // A share of 0.6 above ½: ((1.645·0.5 + 0.842·√0.24) / 0.1)² = 152.46 → 153.
        assertEquals(153, GateStatistics.itemsNeededAboveHalf(0.6));
    }

    @Test
    void exactSignTestAboveHalfAndItsEdges() {
        // 8 of 10: P(X ≥ 8 | Bin(10, ½)) = (45 + 10 + 1)/1024 = 0.0546875 — just short of α = 0.05.
        assertEquals(56.0 / 1024, GateStatistics.aboveHalf(8, 10), 1e-12);
        assertEquals(1.0 / 32, GateStatistics.aboveHalf(5, 5), 1e-12);
        assertEquals(1.0, GateStatistics.aboveHalf(0, 0), 0, "nothing ranked: no evidence");
        assertEquals(1.0, GateStatistics.aboveHalf(0, 4), 1e-12);
    }

    @Test
    void itemsToStayBelowAreWhereTheWilsonTopCrossesTheBar() {
        // A share of ½ under a floor of 0.55: n > z²·0.55·0.45/0.05² = 267.85, so 268; the interval's top agrees on both sides.
        assertEquals(268, GateStatistics.itemsToStayBelow(0.5, 0.55, GateStatistics.Z_ALPHA));
        assertTrue(GateStatistics.wilson(0.5, 268, GateStatistics.Z_ALPHA).high() < 0.55);
        assertTrue(GateStatistics.wilson(0.5, 267, GateStatistics.Z_ALPHA).high() >= 0.55);
        // The paired count is searched for, shares and φ held: a table k times 40/5/5/10 (60k items) has its Newcombe top
        // under a 2-point bar exactly when 60k reaches the count.
        Paired even = new Paired(40, 5, 5, 10);
        int n = GateStatistics.pairedItemsToStayBelow(even, 0.02, GateStatistics.Z_ALPHA);
        int over = (n + 59) / 60;
        int under = (n - 1) / 60;
        assertTrue(under >= 1 && under < over, n + " items");
        assertTrue(GateStatistics.newcombe(new Paired(40 * over, 5 * over, 5 * over, 10 * over), GateStatistics.Z_ALPHA).high() < 0.02);
        assertTrue(GateStatistics.newcombe(new Paired(40 * under, 5 * under, 5 * under, 10 * under), GateStatistics.Z_ALPHA).high() >= 0.02);
    }

    static final double NEWCOMBE_LOW = 0.018210;
    static final double NEWCOMBE_HIGH = 0.289157;
}
