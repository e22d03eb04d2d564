package dev.loopwise.model.transformer.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BERT's input layer: word + token type + absolute position embeddings (summed in the exported graph's
 * order), then layer norm. Always frozen: 11.7 M of the encoder's parameters sit in the word table, and
 * a few hundred tickets cannot move them usefully.
 */
final class BertEmbeddingBlock extends AbstractBlock {
    private final BertConfig config;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    BertEmbeddingBlock(BertConfig config, BertParameters.Source source) {
        this.config = config;
        for (String local : BertParameters.EMBEDDINGS) {
            parameters.put(local, addParameter(BertParameters.create(config, "embeddings." + local, local, source, false)));
        }
    }

    /** @param inputs input ids [batch, tokens] and token type ids [batch, tokens], both int64 */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray types = inputs.get(1);
        long tokens = ids.getShape().get(1);
        if (tokens > config.maxPositions()) {
            throw new IllegalArgumentException(tokens + " tokens exceed the encoder's " + config.maxPositions() + " positions");
        }
        NDArray positions = ids.getManager().arange(0, (int) tokens, 1, DataType.INT64);
        NDArray sum = lookup(store, ids, "word_embeddings.weight", training)
                .add(lookup(store, types, "token_type_embeddings.weight", training))
                .add(lookup(store, positions, "position_embeddings.weight", training));
        return LayerNorm.layerNorm(sum, new Shape(config.hidden()), value(store, "LayerNorm.weight", sum, training),
                value(store, "LayerNorm.bias", sum, training), config.layerNormEpsilon());
    }

    private NDArray lookup(ParameterStore store, NDArray ids, String name, boolean training) {
        return Embedding.embedding(ids, value(store, name, ids, training), SparseFormat.DENSE).singletonOrThrow();
    }

    private NDArray value(ParameterStore store, String name, NDArray like, boolean training) {
        return store.getValue(parameters.get(name), like.getDevice(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), config.hidden())};
    }
}
