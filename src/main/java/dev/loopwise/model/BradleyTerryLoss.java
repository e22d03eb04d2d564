package dev.loopwise.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * The reward model's loss on comparisons, with Δ = r(x, a1) − r(x, a2) and reviewer weight w:
 * <ul>
 *   <li>preference (a1 chosen): −log σ(Δ − m), with margin m from the star ratings (Bradley–Terry);</li>
 *   <li>tie: −½·log σ(Δ) − ½·log σ(−Δ), which pulls the two rewards together;</li>
 *   <li>both bad: −log σ(−r(x, a1)) − log σ(−r(x, a2)), which pushes both below the neutral reward 0.</li>
 * </ul>
 * L = Σ w·ℓ / Σ w. Labels: kind code (0 preference, 1 tie, 2 both bad), margin, weight; prediction: [B, 2] rewards.
 */
public class BradleyTerryLoss extends Loss {
    public BradleyTerryLoss() {
        super("BradleyTerry");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray kind = labels.get(0);
        NDArray margin = labels.get(1);
        NDArray weight = labels.get(2);
        NDArray rewards = predictions.singletonOrThrow();
        NDArray first = rewards.get(":, 0");
        NDArray second = rewards.get(":, 1");
        NDArray delta = first.sub(second);
        NDArray preference = logSigmoid(delta.sub(margin)).neg();
        NDArray both = logSigmoid(delta).add(logSigmoid(delta.neg()));
        NDArray tie = both.mul(Djl.constant(both, -0.5));
        NDArray bothBad = logSigmoid(first.neg()).add(logSigmoid(second.neg())).neg();
        NDArray loss = preference.mul(mask(kind, 0)).add(tie.mul(mask(kind, 1))).add(bothBad.mul(mask(kind, 2)));
        return loss.mul(weight).sum().div(weight.sum().add(1e-8f));
    }

    private static NDArray mask(NDArray kind, int code) {
        return kind.eq(code).toType(DataType.FLOAT32, false);
    }

    /** log σ(z) = min(z, 0) − log(1 + e^−|z|), stable for large |z|. */
    public static NDArray logSigmoid(NDArray z) {
        return z.minimum(Djl.constant(z, 0)).sub(z.abs().neg().exp().add(1f).log());
    }
}
