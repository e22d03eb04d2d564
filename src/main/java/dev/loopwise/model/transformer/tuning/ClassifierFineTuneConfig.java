package dev.loopwise.model.transformer.tuning;

import java.time.Duration;

/**
 * Settings of the full-data fine-tune ({@link ClassifierFineTuner}). Validated on construction.
 *
 * @param trainableLayers  top layers to tune; 0 lets {@link FineTuneBudget} choose the most the time budget allows
 * @param maxTokens        longer texts are truncated (attention cost grows with its square)
 * @param batchSize        texts per optimizer step (length-bucketed)
 * @param maxEpochs        upper bound of epochs; the budget may plan fewer, early stopping may end sooner
 * @param patience         epochs without a better validation score before stopping
 * @param learningRate     AdamW's peak rate for the top layer
 * @param layerDecay       each layer below learns at this times the rate of the one above (1 = same rate)
 * @param headLearningRate Adam's peak rate for the linear head
 * @param warmupShare      share of the planned steps over which the rate rises linearly from 0 (then decays linearly to 0)
 * @param weightDecay      AdamW's decoupled weight decay on the encoder's tuned weights
 * @param dropout          BERT dropout in the tuned layers while training
 * @param cache            compute the frozen layers once per text
 * @param linearProbe      first fit the head on the frozen vectors, then tune encoder and head together (LP-FT):
 *                         the tuned layers then start from useful gradients instead of a random head's
 * @param heldOutShare     without validation rows, share of each label's training rows held out for early
 *                         stopping and the threshold
 * @param retention        without out-of-scope rows, the threshold keeps this share of held-out in-scope rows
 * @param outOfScopeWeight with them, the threshold maximises in-scope accuracy + this × out-of-scope recall
 * @param timeBudget       the run stops (keeping the best epoch so far) when this much time has passed; null: by data
 *                         size ({@link FineTuneBudget#defaultBudget})
 * @param seed             every random choice derives from it
 */
public record ClassifierFineTuneConfig(int trainableLayers, int maxTokens, int batchSize, int maxEpochs, int patience,
                                       double learningRate, double layerDecay, double headLearningRate,
                                       double warmupShare, double weightDecay, float dropout, CacheMode cache,
                                       boolean linearProbe, double heldOutShare, double retention,
                                       double outOfScopeWeight, Duration timeBudget, long seed) {
    public ClassifierFineTuneConfig {
        Checks.encoderTuning(trainableLayers, learningRate, layerDecay, warmupShare, weightDecay, dropout, cache);
        Checks.require(maxTokens >= 8 && maxTokens <= 512, "maxTokens must be in [8, 512]");
        Checks.require(batchSize >= 2, "batchSize must be at least 2");
        Checks.epochsAndHead(maxEpochs, patience, headLearningRate, heldOutShare);
        Checks.thresholdRule(retention, outOfScopeWeight);
        Checks.timeBudget(timeBudget);
    }

    public static ClassifierFineTuneConfig defaults(long seed) {
        return new ClassifierFineTuneConfig(0, 64, 32, 5, 2, 5e-5, 0.85, 5e-4, 0.1, 0.01, 0.1f, CacheMode.AUTO, true,
                0.15, 0.98, 0.3, null, seed);
    }

    public ClassifierFineTuneConfig withTrainableLayers(int layers) {
        return new ClassifierFineTuneConfig(layers, maxTokens, batchSize, maxEpochs, patience, learningRate, layerDecay,
                headLearningRate, warmupShare, weightDecay, dropout, cache, linearProbe, heldOutShare, retention,
                outOfScopeWeight, timeBudget, seed);
    }

    public ClassifierFineTuneConfig withEpochs(int epochs) {
        return new ClassifierFineTuneConfig(trainableLayers, maxTokens, batchSize, epochs, patience, learningRate,
                layerDecay, headLearningRate, warmupShare, weightDecay, dropout, cache, linearProbe, heldOutShare,
                retention, outOfScopeWeight, timeBudget, seed);
    }

    public ClassifierFineTuneConfig withLearningRates(double encoder, double head) {
        return new ClassifierFineTuneConfig(trainableLayers, maxTokens, batchSize, maxEpochs, patience, encoder,
                layerDecay, head, warmupShare, weightDecay, dropout, cache, linearProbe, heldOutShare, retention,
                outOfScopeWeight, timeBudget, seed);
    }

    public ClassifierFineTuneConfig withCache(CacheMode mode) {
        return new ClassifierFineTuneConfig(trainableLayers, maxTokens, batchSize, maxEpochs, patience, learningRate,
                layerDecay, headLearningRate, warmupShare, weightDecay, dropout, mode, linearProbe, heldOutShare,
                retention, outOfScopeWeight, timeBudget, seed);
    }

    public ClassifierFineTuneConfig withTimeBudget(Duration budget) {
        return new ClassifierFineTuneConfig(trainableLayers, maxTokens, batchSize, maxEpochs, patience, learningRate,
                layerDecay, headLearningRate, warmupShare, weightDecay, dropout, cache, linearProbe, heldOutShare,
                retention, outOfScopeWeight, budget, seed);
    }

    /** The out-of-scope threshold rule of the product's settings. */
    public ClassifierFineTuneConfig withThresholdRule(double keep, double oosWeight) {
        return new ClassifierFineTuneConfig(trainableLayers, maxTokens, batchSize, maxEpochs, patience, learningRate,
                layerDecay, headLearningRate, warmupShare, weightDecay, dropout, cache, linearProbe, heldOutShare,
                keep, oosWeight, timeBudget, seed);
    }

    public ClassifierFineTuneConfig withSeed(long value) {
        return new ClassifierFineTuneConfig(trainableLayers, maxTokens, batchSize, maxEpochs, patience, learningRate,
                layerDecay, headLearningRate, warmupShare, weightDecay, dropout, cache, linearProbe, heldOutShare,
                retention, outOfScopeWeight, timeBudget, value);
    }
}
