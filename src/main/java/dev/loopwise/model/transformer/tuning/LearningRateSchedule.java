package dev.loopwise.model.transformer.tuning;

import ai.djl.training.tracker.ParameterTracker;
import dev.loopwise.model.transformer.bert.BertConfig;
import dev.loopwise.model.transformer.bert.BertEncoderBlock;
import java.util.Map;

/**
 * Linear warm-up then linear decay, with layer-wise learning-rate decay: at update n (1-based),
 * lr(n, layer) = base · ξ^(top − layer) · f(n), where f rises linearly from 1/W to 1 over the W warm-up
 * updates and then falls linearly to 0 at the planned total; the top layer learns at {@code base}, each
 * layer below at ξ times the one above (the lower a layer, the more general its features, the less it
 * should move). Parameters not in the layer map learn at the top layer's rate.
 */
final class LearningRateSchedule implements ParameterTracker {
    private final float base;
    private final int warmUp;
    private final int total;
    private final Map<String, Integer> layerOf;
    private final int topLayer;
    private final double decay;
    private volatile int lastUpdate;

    /**
     * @param layerOf DJL parameter id → layer index (from {@link BertEncoderBlock#trainableParameterLayers})
     * @param topLayer index of the top layer
     * @param decay   ξ in (0, 1]
     */
    LearningRateSchedule(float base, int warmUp, int total, Map<String, Integer> layerOf, int topLayer, double decay) {
        if (!(base > 0) || warmUp < 0 || total < 1 || !(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("Bad schedule: base " + base + ", warm-up " + warmUp + ", total " + total
                    + ", decay " + decay);
        }
        this.base = base;
        this.warmUp = Math.min(warmUp, total);
        this.total = total;
        this.layerOf = Map.copyOf(layerOf);
        this.topLayer = topLayer;
        this.decay = decay;
    }

    /**
     * The tuned layers' schedule over {@code total} updates, the first {@code warmupShare} of them warming up: the top
     * layer at {@code base}, each layer below at {@code decay} times the one above.
     */
    static LearningRateSchedule layerWise(double base, double warmupShare, int total, BertEncoderBlock block,
                                          BertConfig bert, double decay) {
        return new LearningRateSchedule((float) base, warmUp(total, warmupShare), total, block.trainableParameterLayers(),
                bert.layers() - 1, decay);
    }

    /** A head's schedule: one rate for all its parameters, warming up as {@link #layerWise} does. */
    static LearningRateSchedule head(double base, double warmupShare, int total) {
        return new LearningRateSchedule((float) base, warmUp(total, warmupShare), total, Map.of(), 0, 1);
    }

    private static int warmUp(int total, double warmupShare) {
        return (int) Math.round(total * warmupShare);
    }

    /** The schedule's factor f(n) for update n (1-based). */
    double factor(int update) {
        if (warmUp > 0 && update <= warmUp) {
            return (double) update / warmUp;
        }
        if (total <= warmUp) {
            return 1;
        }
        return Math.max(0, (double) (total - update + 1) / (total - warmUp));
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        lastUpdate = numUpdate;
        Integer layer = layerOf.get(parameterId);
        double depth = layer == null ? 1 : Math.pow(decay, topLayer - layer);
        return (float) (base * depth * factor(numUpdate));
    }

    /** The top layer's current rate (for logs as {@code train/learning_rate}). */
    double current() {
        return base * factor(Math.max(1, lastUpdate));
    }
}
