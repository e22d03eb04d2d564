package dev.loopwise.model.transformer;

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

    /** A run's time budget: null leaves it to the data's size. */
    static void timeBudget(Duration timeBudget) {
        require(timeBudget == null || (!timeBudget.isNegative() && !timeBudget.isZero()), "timeBudget must be positive");
    }
}
