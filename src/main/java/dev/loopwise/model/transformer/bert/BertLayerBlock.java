package dev.loopwise.model.transformer.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.loopwise.model.Djl;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One post-LN BERT layer, written to compute what the exported graph computes: scaled dot-product
 * attention with an additive padding mask, residual + layer norm, a dense layer with exact (erf) GELU,
 * residual + layer norm. Torch's fused linear / layer_norm / gelu kernels keep it fast; torch's default
 * GELU is the erf form BERT was trained with, not the tanh approximation.
 */
final class BertLayerBlock extends AbstractBlock {
    private final BertConfig config;
    private final float dropout;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    /** @param dropout applied as in BERT (attention probabilities and both residual branches), training only */
    BertLayerBlock(BertConfig config, int layer, BertParameters.Source source, boolean trainable, float dropout) {
        this.config = config;
        this.dropout = dropout;
        for (String local : BertParameters.LAYER) {
            String full = BertParameters.layerPrefix(layer) + local;
            parameters.put(local, addParameter(BertParameters.create(config, full, local, source, trainable)));
        }
    }

    /** @param inputs hidden states [batch, tokens, hidden] and the additive mask [batch, 1, 1, tokens] */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray maskBias = inputs.get(1);
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        NDArray query = splitHeads(dense(store, x, "attention.self.query", training), batch, tokens);
        NDArray key = splitHeads(dense(store, x, "attention.self.key", training), batch, tokens);
        NDArray value = splitHeads(dense(store, x, "attention.self.value", training), batch, tokens);
        NDArray scores = query.matMul(key.transpose(0, 1, 3, 2));
        scores = scores.div(Djl.constant(scores, Math.sqrt(config.headSize()))).add(maskBias);
        NDArray probabilities = drop(scores.softmax(-1), training);
        NDArray context = probabilities.matMul(value).transpose(0, 2, 1, 3).reshape(batch, tokens, config.hidden());
        NDArray attended = norm(store, drop(dense(store, context, "attention.output.dense", training), training).add(x),
                "attention.output.LayerNorm", training);
        NDArray inner = Activation.gelu(dense(store, attended, "intermediate.dense", training));
        NDArray output = norm(store, drop(dense(store, inner, "output.dense", training), training).add(attended),
                "output.LayerNorm", training);
        return new NDList(output);
    }

    /** [batch, tokens, hidden] to [batch, heads, tokens, head size]. */
    private NDArray splitHeads(NDArray x, long batch, long tokens) {
        return x.reshape(batch, tokens, config.heads(), config.headSize()).transpose(0, 2, 1, 3);
    }

    private NDArray dense(ParameterStore store, NDArray x, String module, boolean training) {
        return Linear.linear(x, value(store, module + ".weight", x, training), value(store, module + ".bias", x, training))
                .singletonOrThrow();
    }

    private NDArray norm(ParameterStore store, NDArray x, String module, boolean training) {
        return LayerNorm.layerNorm(x, new Shape(config.hidden()), value(store, module + ".weight", x, training),
                value(store, module + ".bias", x, training), config.layerNormEpsilon()).singletonOrThrow();
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    private NDArray value(ParameterStore store, String name, NDArray like, boolean training) {
        return store.getValue(parameters.get(name), like.getDevice(), training);
    }

    boolean trainable() {
        return parameters.values().iterator().next().requiresGradient();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
