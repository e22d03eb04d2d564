package dev.loopwise.model.transformer.tuning;

import ai.djl.nn.core.Linear;
import dev.loopwise.model.training.LinearHeadTrainer;
import dev.loopwise.model.training.TrainingLoop;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.bert.BertEncoderBlock;
import java.util.Map;

/**
 * What an epoch of tuning changes — the tuned layers and a linear head — copied out after each epoch and
 * back in for the best one. Shared by every trainer that tunes layers with a head on top.
 */
final class LayersAndHeadSnapshot implements TrainingLoop.Snapshot<LayersAndHeadSnapshot.State> {
    record State(Map<String, FloatTensor> layers, float[] weight, float[] bias) {
    }

    private final BertEncoderBlock block;
    private final int from;
    private final int to;
    private final Linear head;

    /** @param from the lowest tuned layer; @param to one past the highest */
    LayersAndHeadSnapshot(BertEncoderBlock block, int from, int to, Linear head) {
        this.block = block;
        this.from = from;
        this.to = to;
        this.head = head;
    }

    @Override
    public State capture() {
        return new State(block.layerValues(from, to), LinearHeadTrainer.parameter(head, "weight").toFloatArray(),
                LinearHeadTrainer.parameter(head, "bias").toFloatArray());
    }

    @Override
    public void restore(State state) {
        block.setLayerValues(state.layers());
        LinearHeadTrainer.set(LinearHeadTrainer.parameter(head, "weight"), state.weight());
        LinearHeadTrainer.set(LinearHeadTrainer.parameter(head, "bias"), state.bias());
    }
}
