package dev.loopwise.alignment.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.loopwise.model.BradleyTerryLoss;

/**
 * Direct preference optimisation on human pairs (Rafailov et al. 2023):
 * L = −log σ(β·[(log π_θ(a⁺|x) − log π_ref(a⁺|x)) − (log π_θ(a⁻|x) − log π_ref(a⁻|x))]),
 * with log π over the whole reply library. Labels: one-hot rows of a⁺ and a⁻ [B, N], and the
 * reference's log π_ref(a⁺|x) − log π_ref(a⁻|x) [B]; prediction: the policy's logits [B, N].
 */
public class DpoLoss extends Loss {
    private final float beta;

    public DpoLoss(double beta) {
        super("DPO");
        this.beta = (float) beta;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logPi = predictions.singletonOrThrow().logSoftmax(-1);
        NDArray chosen = logPi.mul(labels.get(0)).sum(new int[] {-1});
        NDArray rejected = logPi.mul(labels.get(1)).sum(new int[] {-1});
        NDArray advantage = chosen.sub(rejected).sub(labels.get(2)).mul(beta);
        return BradleyTerryLoss.logSigmoid(advantage).neg().mean();
    }
}
