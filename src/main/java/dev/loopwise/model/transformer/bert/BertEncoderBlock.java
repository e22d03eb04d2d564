package dev.loopwise.model.transformer.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.loopwise.model.Djl;
import dev.loopwise.model.training.LinearHeadTrainer;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.Pooling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole sentence encoder as one DJL block, so DJL's Trainer, optimizers and GradientCollector drive
 * it like any other model: input ids, attention mask and token type ids (int64 [batch, tokens]) in;
 * the L2-normalised sentence vector [batch, hidden] and the last hidden states [batch, tokens, hidden]
 * out (the vector feeds a head; the states are what ONNX Runtime serves, for comparison).
 *
 * <p>Only the top {@code trainableTopLayers} layers require gradients. Lower layers then build no
 * autograd graph at all (nothing they touch requires a gradient), so they cost a forward pass only.
 */
public final class BertEncoderBlock extends AbstractBlock {
    /** Added to attention scores of padding: the exported graph's own (1 − mask) · float32 min. */
    private static final float MASKED = -3.4028235e38f;

    private final BertConfig config;
    private final Pooling pooling;
    private final int maxTokens;
    private final BertEmbeddingBlock embeddings;
    private final List<BertLayerBlock> layers = new ArrayList<>();

    public BertEncoderBlock(BertConfig config, Pooling pooling, BertParameters.Source source, int trainableTopLayers,
                            int maxTokens, float dropout) {
        if (trainableTopLayers < 0 || trainableTopLayers > config.layers()) {
            throw new IllegalArgumentException("Cannot train the top " + trainableTopLayers + " of " + config.layers() + " layers");
        }
        if (maxTokens < 2 || maxTokens > config.maxPositions()) {
            throw new IllegalArgumentException("The encoder reads 2 to " + config.maxPositions() + " tokens, not " + maxTokens);
        }
        this.config = config;
        this.maxTokens = maxTokens;
        this.pooling = pooling;
        this.embeddings = addChildBlock("embeddings", new BertEmbeddingBlock(config, source));
        for (int layer = 0; layer < config.layers(); layer++) {
            boolean trainable = layer >= config.layers() - trainableTopLayers;
            layers.add(addChildBlock("layer" + layer, new BertLayerBlock(config, layer, source, trainable, dropout)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false);
        NDArray types = inputs.size() > 2 ? inputs.get(2) : ids.zerosLike();
        return upperForward(store, lowerStates(store, ids, types, mask), mask, training);
    }

    /**
     * Embeddings and the frozen layers below {@link #firstTrainableLayer()}, always in inference mode (no
     * dropout), so the result depends on the text alone and a fine-tune may compute it once and cache it.
     * A real token's state does not depend on the padding around it (padding gets zero attention weight).
     *
     * @param mask float [batch, tokens], 1 for real tokens
     * @return hidden states [batch, tokens, hidden] entering the first trainable layer
     */
    public NDArray lowerStates(ParameterStore store, NDArray ids, NDArray types, NDArray mask) {
        long tokens = ids.getShape().get(1);
        if (tokens > maxTokens) {
            throw new IllegalArgumentException("A batch of " + tokens + " tokens exceeds the maximum of " + maxTokens
                    + "; tokenize with truncation at that length");
        }
        NDArray bias = maskBias(mask);
        NDArray hidden = embeddings.forward(store, new NDList(ids, types), false, null).singletonOrThrow();
        int first = firstTrainableLayer();
        for (int layer = 0; layer < first; layer++) {
            hidden = layers.get(layer).forward(store, new NDList(hidden, bias), false, null).singletonOrThrow();
        }
        return hidden;
    }

    /**
     * The trainable layers on states from {@link #lowerStates} (computed now or read from a cache), then
     * pooling: the sentence vector [batch, hidden] and the last hidden states [batch, tokens, hidden].
     *
     * @param mask float [batch, tokens], 1 for real tokens
     */
    public NDList upperForward(ParameterStore store, NDArray lower, NDArray mask, boolean training) {
        NDArray bias = maskBias(mask);
        NDArray hidden = lower;
        for (int layer = firstTrainableLayer(); layer < layers.size(); layer++) {
            hidden = layers.get(layer).forward(store, new NDList(hidden, bias), training, null).singletonOrThrow();
        }
        return new NDList(pooling.pool(hidden, mask), hidden);
    }

    /** The additive attention mask [batch, 1, 1, tokens]: 0 for real tokens, float32 min for padding. */
    private static NDArray maskBias(NDArray mask) {
        long batch = mask.getShape().get(0);
        long tokens = mask.getShape().get(1);
        return mask.neg().add(1f).mul(MASKED).reshape(batch, 1, 1, tokens);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // Every parameter has a fixed shape, so children need no shape inference: just their arrays.
        Shape ids = inputShapes[0];
        embeddings.initialize(manager, dataType, ids, ids);
        Shape hidden = new Shape(ids.get(0), ids.get(1), config.hidden());
        Shape mask = new Shape(ids.get(0), 1, 1, ids.get(1));
        for (Block layer : layers) {
            layer.initialize(manager, dataType, hidden, mask);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), config.hidden()), new Shape(ids.get(0), ids.get(1), config.hidden())};
    }

    public BertConfig config() {
        return config;
    }

    public Pooling pooling() {
        return pooling;
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** Index of the lowest trainable layer ({@code layers} when nothing is trainable). */
    public int firstTrainableLayer() {
        for (int layer = 0; layer < layers.size(); layer++) {
            if (layers.get(layer).trainable()) {
                return layer;
            }
        }
        return layers.size();
    }

    /**
     * Which layer each trainable parameter belongs to, by DJL parameter id (the key an optimizer's
     * {@code ParameterTracker} receives), so learning rates can differ by depth.
     */
    public Map<String, Integer> trainableParameterLayers() {
        Map<String, Integer> owners = new HashMap<>();
        for (int layer = firstTrainableLayer(); layer < layers.size(); layer++) {
            for (var pair : layers.get(layer).getDirectParameters()) {
                owners.put(pair.getValue().getId(), layer);
            }
        }
        return owners;
    }

    /**
     * Overwrites parameters of the layers with the given values (as {@link #layerValues} returns them), e.g.
     * to go back to the best epoch's weights. Runs without recording gradients.
     */
    public void setLayerValues(Map<String, FloatTensor> values) {
        Djl.runWithoutGradients(() -> {
            for (int layer = 0; layer < layers.size(); layer++) {
                for (var pair : layers.get(layer).getDirectParameters()) {
                    FloatTensor value = values.get(BertParameters.layerPrefix(layer) + pair.getKey());
                    if (value != null) {
                        NDArray array = pair.getValue().getArray();
                        if (!new Shape(value.dims()).equals(array.getShape())) {
                            throw new IllegalArgumentException("Layer " + layer + " " + pair.getKey() + " has shape "
                                    + array.getShape() + ", not " + new Shape(value.dims()));
                        }
                        LinearHeadTrainer.set(array, value.values());
                    }
                }
            }
        });
    }

    /** The current values of every parameter of the given layers, by BertModel name, PyTorch layout. */
    public Map<String, FloatTensor> layerValues(int from, int to) {
        Map<String, FloatTensor> values = new LinkedHashMap<>();
        for (int layer = from; layer < to; layer++) {
            for (var pair : layers.get(layer).getDirectParameters()) {
                NDArray array = pair.getValue().getArray();
                values.put(BertParameters.layerPrefix(layer) + pair.getKey(),
                        new FloatTensor(array.getShape().getShape(), array.toFloatArray()));
            }
        }
        return values;
    }
}
