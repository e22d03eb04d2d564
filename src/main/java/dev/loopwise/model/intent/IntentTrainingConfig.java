package dev.loopwise.model.intent;

/**
 * How to fit an intent classifier. Validated on construction.
 *
 * @param regime            {@code auto} picks zero-shot, few-shot or trained from how many examples each intent has
 *                          (any name {@link IntentRegime#parse} takes but finetune)
 * @param minTrainedExamples fewest examples per intent for which a trained head beats prototypes (auto regime)
 * @param maxEpochs         upper bound of training epochs; early stopping on held-out loss usually ends sooner
 * @param learningRate      Adam's step size for the linear head
 * @param batchSize         examples per gradient step
 * @param patience          epochs without held-out improvement before stopping
 * @param heldOutShare      share of each intent's examples kept aside for early stopping and the threshold
 *                          when no validation rows are given
 * @param outOfScopeAsClass train the out-of-scope examples (if any) as a class of their own
 * @param retention         without out-of-scope examples, the threshold keeps this share of held-out in-scope requests
 * @param outOfScopeWeight  with them, the threshold maximises in-scope accuracy + this × out-of-scope recall
 * @param defaultThreshold  threshold used when there is nothing held out to choose one on (zero-shot)
 * @param seed              every random choice (splits, shuffles, initial weights) derives from it
 */
public record IntentTrainingConfig(String regime, int minTrainedExamples, int maxEpochs, double learningRate,
                                   int batchSize, int patience, double heldOutShare, boolean outOfScopeAsClass,
                                   double retention, double outOfScopeWeight, double defaultThreshold, long seed) {
    public static final String AUTO = "auto";

    public IntentTrainingConfig {
        regime = IntentRegime.headRegime(regime);
        require(minTrainedExamples >= 1, "minTrainedExamples must be at least 1");
        require(maxEpochs >= 1, "maxEpochs must be at least 1");
        require(learningRate > 0 && learningRate < 1, "learningRate must be in (0, 1)");
        require(batchSize >= 1, "batchSize must be at least 1");
        require(patience >= 1, "patience must be at least 1");
        require(heldOutShare >= 0 && heldOutShare < 0.5, "heldOutShare must be in [0, 0.5)");
        require(retention > 0 && retention <= 1, "retention must be in (0, 1]");
        require(outOfScopeWeight > 0, "outOfScopeWeight must be positive");
        require(defaultThreshold >= 0 && defaultThreshold < 1, "defaultThreshold must be in [0, 1)");
    }

    public static IntentTrainingConfig defaults(long seed) {
        return new IntentTrainingConfig(AUTO, 8, 200, 0.01, 64, 8, 0.15, true, 0.98, 0.3, 0.15, seed);
    }

    public IntentTrainingConfig withRegime(String newRegime) {
        return new IntentTrainingConfig(newRegime, minTrainedExamples, maxEpochs, learningRate, batchSize, patience,
                heldOutShare, outOfScopeAsClass, retention, outOfScopeWeight, defaultThreshold, seed);
    }

    public IntentTrainingConfig withOutOfScopeWeight(double weight) {
        return new IntentTrainingConfig(regime, minTrainedExamples, maxEpochs, learningRate, batchSize, patience,
                heldOutShare, outOfScopeAsClass, retention, weight, defaultThreshold, seed);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
