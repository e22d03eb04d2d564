package dev.loopwise.model.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy against a target distribution over candidates:
 * L = −(1/B) Σ_i Σ_a q_i(a) · log softmax(s_i)(a). With one-hot q it is the usual classification loss;
 * soft q lets a ticket whose agent reply is ambiguous spread its weight.
 */
public class SoftTargetCrossEntropy extends Loss {
    public SoftTargetCrossEntropy() {
        super("SoftTargetCrossEntropy");
    }

    @Override
    public NDArray evaluate(NDList targets, NDList scores) {
        NDArray q = targets.singletonOrThrow();
        NDArray logProbabilities = scores.singletonOrThrow().logSoftmax(-1);
        return q.mul(logProbabilities).sum(new int[] {-1}).neg().mean();
    }
}
