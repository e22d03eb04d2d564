package dev.loopwise.model.transformer.tuning;

import java.time.Duration;

/**
 * Settings of the cross-encoder reward model ({@link dev.loopwise.model.transformer.crossencoder.CrossEncoderRewardTrainer}). Validated on construction.
 *
 * @param trainableLayers  top layers to tune; 0 lets {@link FineTuneBudget} choose the most the time budget allows
 * @param maxTokens        length of the joint ticket–reply input ({@link dev.loopwise.model.transformer.crossencoder.PairTokens} says how it is cut)
 * @param batchSize        judgements per optimizer step (twice as many sequences, length-bucketed)
 * @param maxEpochs        upper bound of epochs; the budget may plan fewer, early stopping may end sooner
 * @param patience         epochs without better held-out accuracy before stopping
 * @param learningRate     AdamW's peak rate for the top layer
 * @param layerDecay       each layer below learns at this times the rate of the one above
 * @param headLearningRate Adam's peak rate for the scalar head
 * @param warmupShare      share of the planned steps over which rates rise linearly (then decay linearly to 0)
 * @param weightDecay      AdamW's decoupled weight decay on the tuned layers
 * @param dropout          BERT dropout in the tuned layers while training
 * @param cache            compute the frozen layers once per ticket–reply input
 * @param heldOutShare     without given validation judgements, the share held out (whole tickets) for choosing the epoch
 * @param timeBudget       the run stops (keeping the best epoch so far) at this; null: by the number of judgements
 *                         ({@link FineTuneBudget#defaultRewardBudget})
 * @param seed             every random choice derives from it
 */
public record CrossEncoderRewardConfig(int trainableLayers, int maxTokens, int batchSize, int maxEpochs, int patience,
                                       double learningRate, double layerDecay, double headLearningRate,
                                       double warmupShare, double weightDecay, float dropout, CacheMode cache,
                                       double heldOutShare, Duration timeBudget, long seed) {
    public CrossEncoderRewardConfig {
        Checks.encoderTuning(trainableLayers, learningRate, layerDecay, warmupShare, weightDecay, dropout, cache);
        Checks.require(maxTokens >= 16 && maxTokens <= 512, "maxTokens must be in [16, 512]");
        Checks.require(batchSize >= 1, "batchSize must be at least 1");
        Checks.epochsAndHead(maxEpochs, patience, headLearningRate, heldOutShare);
        Checks.timeBudget(timeBudget);
    }

    public static CrossEncoderRewardConfig defaults(long seed) {
        return new CrossEncoderRewardConfig(0, 96, 16, 4, 2, 1e-4, 0.85, 1e-3, 0.1, 0.01, 0.1f, CacheMode.AUTO, 0.15,
                null, seed);
    }

    public CrossEncoderRewardConfig withTrainableLayers(int layers) {
        return new CrossEncoderRewardConfig(layers, maxTokens, batchSize, maxEpochs, patience, learningRate, layerDecay,
                headLearningRate, warmupShare, weightDecay, dropout, cache, heldOutShare, timeBudget, seed);
    }

    public CrossEncoderRewardConfig withMaxTokens(int tokens) {
        return new CrossEncoderRewardConfig(trainableLayers, tokens, batchSize, maxEpochs, patience, learningRate,
                layerDecay, headLearningRate, warmupShare, weightDecay, dropout, cache, heldOutShare, timeBudget, seed);
    }

    public CrossEncoderRewardConfig withEpochs(int epochs, int batch) {
        return new CrossEncoderRewardConfig(trainableLayers, maxTokens, batch, epochs, patience, learningRate,
                layerDecay, headLearningRate, warmupShare, weightDecay, dropout, cache, heldOutShare, timeBudget, seed);
    }

    public CrossEncoderRewardConfig withLearningRates(double encoder, double head) {
        return new CrossEncoderRewardConfig(trainableLayers, maxTokens, batchSize, maxEpochs, patience, encoder,
                layerDecay, head, warmupShare, weightDecay, dropout, cache, heldOutShare, timeBudget, seed);
    }

    public CrossEncoderRewardConfig withTimeBudget(Duration budget) {
        return new CrossEncoderRewardConfig(trainableLayers, maxTokens, batchSize, maxEpochs, patience, learningRate,
                layerDecay, headLearningRate, warmupShare, weightDecay, dropout, cache, heldOutShare, budget, seed);
    }
}
