package dev.loopwise.model.transformer.tuning;

import java.time.Duration;

/** Argument checks of the config records. */
final class Checks {
    private Checks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The settings every trainer that tunes the encoder's own weights shares, checked alike in each. */
    static void encoderTuning(int trainableLayers, double learningRate, double layerDecay, double warmupShare,
                              double weightDecay, float dropout, CacheMode cache) {
        require(trainableLayers >= 0, "trainableLayers must be 0 (from the budget) or more");
        require(learningRate > 0 && learningRate < 0.01, "learningRate must be in (0, 0.01)");
        require(layerDecay > 0 && layerDecay <= 1, "layerDecay must be in (0, 1]");
        require(warmupShare >= 0 && warmupShare < 1, "warmupShare must be in [0, 1)");
        require(weightDecay >= 0 && weightDecay < 1, "weightDecay must be in [0, 1)");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)");
        require(cache != null, "cache must be given");
    }

    /**
     * The epochs of a trainer that keeps its best epoch on held-out rows, and its head's learning rate, checked alike
     * in each such trainer.
     */
    static void epochsAndHead(int maxEpochs, int patience, double headLearningRate, double heldOutShare) {
        require(maxEpochs >= 1, "maxEpochs must be at least 1");
        require(patience >= 1, "patience must be at least 1");
        require(headLearningRate > 0 && headLearningRate < 1, "headLearningRate must be in (0, 1)");
        heldOutShare(heldOutShare);
    }

    static void heldOutShare(double heldOutShare) {
        require(heldOutShare > 0 && heldOutShare < 0.5, "heldOutShare must be in (0, 0.5)");
    }

    /** The out-of-scope threshold rule of an intent head. */
    static void thresholdRule(double retention, double outOfScopeWeight) {
        require(retention > 0 && retention <= 1, "retention must be in (0, 1]");
        require(outOfScopeWeight > 0, "outOfScopeWeight must be positive");
    }

    /** A run's time budget: null leaves it to the data's size. */
    static void timeBudget(Duration timeBudget) {
        require(timeBudget == null || (!timeBudget.isNegative() && !timeBudget.isZero()), "timeBudget must be positive");
    }
}
