package dev.loopwise.model.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Scores every (ticket, reply) pair of a batch: s(x, a) = v · relu(Wq·x + Wr·a + Wi·(x⊙a) + b) + c,
 * the feature family [E(x), E(a), E(x)⊙E(a)] of the reply policy and the reward model.
 * Inputs: tickets x [B, d] and replies a [N, d]; output: scores [B, N] — every ticket against every
 * reply. With three inputs (x, a1, a2), all [B, d], it scores aligned pairs instead: output [B, 2] holds
 * s(x_i, a1_i) and s(x_i, a2_i), as comparisons need.
 */
public class PairScorer extends AbstractBlock {
    private static final byte VERSION = 1;
    final Parameter query;
    final Parameter reply;
    final Parameter interaction;
    final Parameter hiddenBias;
    final Parameter out;
    final Parameter outBias;

    public PairScorer(int dimension, int hidden) {
        super(VERSION);
        query = addParameter(weight("query", new Shape(dimension, hidden)));
        reply = addParameter(weight("reply", new Shape(dimension, hidden)));
        interaction = addParameter(weight("interaction", new Shape(dimension, hidden)));
        hiddenBias = addParameter(Parameter.builder().setName("hiddenBias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(hidden)).build());
        out = addParameter(weight("out", new Shape(hidden, 1)));
        outBias = addParameter(Parameter.builder().setName("outBias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(1)).build());
    }

    private static Parameter weight(String name, Shape shape) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray a = inputs.get(1);
        if (inputs.size() == 3) {
            NDArray first = aligned(store, x, a, training);
            NDArray second = aligned(store, x, inputs.get(2), training);
            return new NDList(first.expandDims(1).concat(second.expandDims(1), 1));
        }
        NDArray wq = store.getValue(query, x.getDevice(), training);
        NDArray wr = store.getValue(reply, x.getDevice(), training);
        NDArray wi = store.getValue(interaction, x.getDevice(), training);
        NDArray b = store.getValue(hiddenBias, x.getDevice(), training);
        NDArray v = store.getValue(out, x.getDevice(), training);
        NDArray c = store.getValue(outBias, x.getDevice(), training);
        NDArray hidden = x.matMul(wq).expandDims(1)
                .add(a.matMul(wr).expandDims(0))
                .add(x.expandDims(1).mul(a.expandDims(0)).matMul(wi))
                .add(b);
        NDArray scores = Activation.relu(hidden).matMul(v).squeeze(-1).add(c);
        return new NDList(scores);
    }

    /** s(x_i, a_i) for each row i: [B]. */
    private NDArray aligned(ParameterStore store, NDArray x, NDArray a, boolean training) {
        NDArray hidden = x.matMul(store.getValue(query, x.getDevice(), training))
                .add(a.matMul(store.getValue(reply, x.getDevice(), training)))
                .add(x.mul(a).matMul(store.getValue(interaction, x.getDevice(), training)))
                .add(store.getValue(hiddenBias, x.getDevice(), training));
        return Activation.relu(hidden).matMul(store.getValue(out, x.getDevice(), training)).squeeze(-1)
                .add(store.getValue(outBias, x.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        if (inputShapes.length == 3) {
            return new Shape[] {new Shape(inputShapes[0].get(0), 2)};
        }
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[1].get(0))};
    }
}
