package dev.loopwise.alignment.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reward model's calibration error counts a tie as the accuracy does: half right. */
class RewardCalibrationTest {

    @Test
    void aModelThatScoresBothRepliesAlikeIsCalibrated() {
        // Two ties: σ(0) = ½, so each says 50:50 and is half right, as the accuracy counts it: |½ − ½| = 0 (it was 0.5).
        RewardEvaluation ties = RewardEvaluation.of(new double[] {0, 0}, new int[2]);
        assertEquals(0.5, ties.accuracy(), 1e-12);
        assertEquals(0.0, ties.calibrationError(), 1e-12);
    }

    @Test
    void aTieAmongRankingsAddsNoCalibrationError() {
        // Δ = 2 and Δ = −2: confidence σ(2) = 0.880797 each, in bin ⌊(0.880797 − ½)·20⌋ = 7; one right, one wrong:
        // |½ − 0.880797|·2/3 = 0.253865. The tie sits alone in bin 0 at |½ − ½|·1/3 = 0 (it added |0 − ½|/3 = 0.166667).
        RewardEvaluation mixed = RewardEvaluation.of(new double[] {2, -2, 0}, new int[3]);
        double confidence = 1 / (1 + Math.exp(-2));
        assertEquals(Math.abs(0.5 - confidence) * 2 / 3, mixed.calibrationError(), 1e-12);
        assertEquals(0.253865, mixed.calibrationError(), 1e-6);
    }
}
