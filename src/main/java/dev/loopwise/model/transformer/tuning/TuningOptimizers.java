package dev.loopwise.model.transformer.tuning;

import ai.djl.Device;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;

/**
 * The two optimizers of tuning layers with a head: AdamW with decoupled weight decay for the encoder's
 * layers (so tuned weights do not drift far from the pre-trained ones), plain Adam for the fresh head.
 */
final class TuningOptimizers {
    private TuningOptimizers() {
    }

    static DefaultTrainingConfig encoder(Loss loss, ParameterTracker rate, double weightDecay) {
        return new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adamW().optLearningRateTracker(rate).optWeightDecays((float) weightDecay).build())
                .optDevices(new Device[] {Device.cpu()});
    }

    static DefaultTrainingConfig head(Loss loss, ParameterTracker rate) {
        return new DefaultTrainingConfig(loss).optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build())
                .optDevices(new Device[] {Device.cpu()});
    }
}
