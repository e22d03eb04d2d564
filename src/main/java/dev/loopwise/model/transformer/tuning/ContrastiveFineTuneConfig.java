package dev.loopwise.model.transformer.tuning;

import java.time.Duration;

/**
 * Settings of the few-data, SetFit-style fine-tune ({@link ContrastiveFineTuner}). Validated on construction.
 *
 * @param trainableLayers   top layers to tune; 0 lets {@link FineTuneBudget} choose the most the time budget allows
 * @param maxTokens         longer texts are truncated
 * @param classesPerBatch   labels drawn into one batch
 * @param examplesPerClass  texts of each drawn label in the batch: every pair of them is a positive pair, every
 *                          pair across labels a negative one
 * @param pairLoss          how the pairs are scored (see {@link ContrastiveFineTuner})
 * @param temperature       τ of the supervised contrastive loss (unused by the cosine-similarity loss)
 * @param maxEpochs         passes over the training texts (each text is in one batch per epoch); the budget may plan fewer
 * @param learningRate      AdamW's peak rate for the top layer
 * @param layerDecay        each layer below learns at this times the rate of the one above
 * @param warmupShare       share of the steps over which the rate rises linearly (then decays linearly to 0)
 * @param weightDecay       AdamW's decoupled weight decay
 * @param dropout           BERT dropout in the tuned layers while training
 * @param cache             compute the frozen layers once per text
 * @param headLearningRate  Adam's rate for the linear head trained on the tuned vectors afterwards
 * @param headBatchSize     its mini-batch size
 * @param headMaxEpochs     its most epochs (early stopping on the held-out rows)
 * @param headPatience      its epochs without held-out improvement before stopping
 * @param heldOutShare      without validation rows, share of each label's rows held out (from tuning and the head's
 *                          first fit) to choose the head's epochs and the out-of-scope threshold
 * @param retention         without out-of-scope rows, the threshold keeps this share of held-out in-scope rows
 * @param outOfScopeWeight  with them, the threshold maximises in-scope accuracy + this × out-of-scope recall
 * @param timeBudget        stop (keeping the tuned weights so far) after this long; null: by data size
 * @param seed              every random choice derives from it
 */
public record ContrastiveFineTuneConfig(int trainableLayers, int maxTokens, int classesPerBatch, int examplesPerClass,
                                        PairLoss pairLoss, double temperature, int maxEpochs, double learningRate, double layerDecay, double warmupShare,
                                        double weightDecay, float dropout, CacheMode cache, double headLearningRate,
                                        int headBatchSize, int headMaxEpochs, int headPatience, double heldOutShare,
                                        double retention, double outOfScopeWeight, Duration timeBudget, long seed) {
    public ContrastiveFineTuneConfig {
        Checks.encoderTuning(trainableLayers, learningRate, layerDecay, warmupShare, weightDecay, dropout, cache);
        Checks.require(maxTokens >= 8 && maxTokens <= 512, "maxTokens must be in [8, 512]");
        Checks.require(classesPerBatch >= 2, "classesPerBatch must be at least 2 (negative pairs need two labels)");
        Checks.require(examplesPerClass >= 2, "examplesPerClass must be at least 2 (positive pairs need two texts)");
        Checks.require(pairLoss != null, "pairLoss must be given");
        Checks.require(temperature > 0 && temperature <= 1, "temperature must be in (0, 1]");
        Checks.require(maxEpochs >= 1, "maxEpochs must be at least 1");
        Checks.require(headLearningRate > 0 && headLearningRate < 1, "headLearningRate must be in (0, 1)");
        Checks.require(headBatchSize >= 1, "headBatchSize must be at least 1");
        Checks.require(headMaxEpochs >= 1, "headMaxEpochs must be at least 1");
        Checks.require(headPatience >= 1, "headPatience must be at least 1");
        Checks.heldOutShare(heldOutShare);
        Checks.thresholdRule(retention, outOfScopeWeight);
        Checks.timeBudget(timeBudget);
    }

    /** The two pair losses: SetFit's cosine-similarity regression, or a supervised contrastive (InfoNCE) loss. */
    public enum PairLoss { COSINE_SIMILARITY, SUPERVISED_CONTRASTIVE }

    public static ContrastiveFineTuneConfig defaults(long seed) {
        return new ContrastiveFineTuneConfig(0, 64, 8, 4, PairLoss.COSINE_SIMILARITY, 0.05, 8, 5e-5, 0.9, 0.1, 0.01, 0.1f, CacheMode.AUTO, 0.01, 64, 200,
                8, 0.15, 0.98, 0.3, null, seed);
    }

    public ContrastiveFineTuneConfig withTrainableLayers(int layers) {
        return new ContrastiveFineTuneConfig(layers, maxTokens, classesPerBatch, examplesPerClass, pairLoss, temperature, maxEpochs,
                learningRate, layerDecay, warmupShare, weightDecay, dropout, cache, headLearningRate, headBatchSize,
                headMaxEpochs, headPatience, heldOutShare, retention, outOfScopeWeight, timeBudget, seed);
    }

    public ContrastiveFineTuneConfig withEpochs(int epochs) {
        return new ContrastiveFineTuneConfig(trainableLayers, maxTokens, classesPerBatch, examplesPerClass, pairLoss, temperature, epochs,
                learningRate, layerDecay, warmupShare, weightDecay, dropout, cache, headLearningRate, headBatchSize,
                headMaxEpochs, headPatience, heldOutShare, retention, outOfScopeWeight, timeBudget, seed);
    }

    public ContrastiveFineTuneConfig withLearningRate(double rate) {
        return new ContrastiveFineTuneConfig(trainableLayers, maxTokens, classesPerBatch, examplesPerClass, pairLoss, temperature, maxEpochs,
                rate, layerDecay, warmupShare, weightDecay, dropout, cache, headLearningRate, headBatchSize,
                headMaxEpochs, headPatience, heldOutShare, retention, outOfScopeWeight, timeBudget, seed);
    }

    public ContrastiveFineTuneConfig withBatch(int classes, int examples) {
        return new ContrastiveFineTuneConfig(trainableLayers, maxTokens, classes, examples, pairLoss, temperature, maxEpochs, learningRate,
                layerDecay, warmupShare, weightDecay, dropout, cache, headLearningRate, headBatchSize, headMaxEpochs,
                headPatience, heldOutShare, retention, outOfScopeWeight, timeBudget, seed);
    }

    public ContrastiveFineTuneConfig withPairLoss(PairLoss loss, double tau) {
        return new ContrastiveFineTuneConfig(trainableLayers, maxTokens, classesPerBatch, examplesPerClass, loss, tau,
                maxEpochs, learningRate, layerDecay, warmupShare, weightDecay, dropout, cache, headLearningRate,
                headBatchSize, headMaxEpochs, headPatience, heldOutShare, retention, outOfScopeWeight, timeBudget, seed);
    }

    public ContrastiveFineTuneConfig withCache(CacheMode mode) {
        return new ContrastiveFineTuneConfig(trainableLayers, maxTokens, classesPerBatch, examplesPerClass, pairLoss, temperature, maxEpochs,
                learningRate, layerDecay, warmupShare, weightDecay, dropout, mode, headLearningRate, headBatchSize,
                headMaxEpochs, headPatience, heldOutShare, retention, outOfScopeWeight, timeBudget, seed);
    }

    public ContrastiveFineTuneConfig withTimeBudget(Duration budget) {
        return new ContrastiveFineTuneConfig(trainableLayers, maxTokens, classesPerBatch, examplesPerClass, pairLoss, temperature, maxEpochs,
                learningRate, layerDecay, warmupShare, weightDecay, dropout, cache, headLearningRate, headBatchSize,
                headMaxEpochs, headPatience, heldOutShare, retention, outOfScopeWeight, budget, seed);
    }

    /** The out-of-scope threshold rule of the product's settings. */
    public ContrastiveFineTuneConfig withThresholdRule(double keep, double oosWeight) {
        return new ContrastiveFineTuneConfig(trainableLayers, maxTokens, classesPerBatch, examplesPerClass, pairLoss, temperature, maxEpochs,
                learningRate, layerDecay, warmupShare, weightDecay, dropout, cache, headLearningRate, headBatchSize,
                headMaxEpochs, headPatience, heldOutShare, keep, oosWeight, timeBudget, seed);
    }

    public ContrastiveFineTuneConfig withSeed(long value) {
        return new ContrastiveFineTuneConfig(trainableLayers, maxTokens, classesPerBatch, examplesPerClass, pairLoss, temperature, maxEpochs,
                learningRate, layerDecay, warmupShare, weightDecay, dropout, cache, headLearningRate, headBatchSize,
                headMaxEpochs, headPatience, heldOutShare, retention, outOfScopeWeight, timeBudget, value);
    }
}
