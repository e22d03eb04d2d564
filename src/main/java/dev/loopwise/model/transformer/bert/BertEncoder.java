package dev.loopwise.model.transformer.bert;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.loopwise.model.Djl;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.Pooling;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.onnx.OnnxGraph;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A BERT-family sentence encoder on DJL's PyTorch engine, its weights taken from the encoder's own
 * ONNX file (the same bytes ONNX Runtime serves), optionally with tuned layers laid over them.
 * Owns the DJL {@link Model}; train it with {@code model().newTrainer(…)} and
 * {@code trainer.initialize(inputShapes())}, which registers the already-loaded parameters.
 */
public final class BertEncoder implements AutoCloseable {
    /**
     * @param trainableTopLayers how many of the top layers require gradients (embeddings never do)
     * @param maxTokens  the longest input accepted (tokenize with {@link TokenBatch#tokenizer} at this length);
     *                   attention cost grows with its square, so fine-tuning keeps it short
     * @param dropout    BERT's dropout during training forward passes (0 for none)
     * @param knownHeads attention heads, only needed when the graph does not reveal them
     */
    public record Options(Pooling pooling, int trainableTopLayers, int maxTokens, float dropout, OptionalInt knownHeads) {
        public static final int DEFAULT_MAX_TOKENS = 128;

        public static Options of(Pooling pooling, int trainableTopLayers) {
            return new Options(pooling, trainableTopLayers, DEFAULT_MAX_TOKENS, 0f, OptionalInt.empty());
        }
    }

    private final String baseId;
    private final BertConfig config;
    private final BertWeightMap weights;
    private final Model model;
    private final BertEncoderBlock block;

    private BertEncoder(String baseId, BertConfig config, BertWeightMap weights, Model model, BertEncoderBlock block) {
        this.baseId = baseId;
        this.config = config;
        this.weights = weights;
        this.model = model;
        this.block = block;
    }

    /**
     * @param baseId identifies the base weights (recorded in tuned-weights files, checked when they are laid over)
     * @param tuned  tuned layers to lay over the base weights, or null
     */
    public static BertEncoder load(String baseId, Path onnx, Options options, TunedEncoderWeights tuned) {
        Djl.configure();
        OnnxGraph graph = OnnxGraph.read(onnx);
        BertWeightMap weights = BertWeightMap.resolve(graph);
        BertConfig config = BertConfig.fromGraph(graph, weights, options.knownHeads());
        weights.requireAll(config);
        Map<String, FloatTensor> overrides = tuned == null ? Map.of() : tuned.checkedAgainst(baseId, config).tensors();
        BertParameters.Source source = name -> overrides.containsKey(name) ? overrides.get(name)
                : new FloatTensor(weights.pytorchDims(name), weights.pytorchValues(name));
        BertEncoderBlock block = new BertEncoderBlock(config, options.pooling(), source, options.trainableTopLayers(),
                options.maxTokens(), options.dropout());
        Model model = Model.newInstance("bert-" + baseId, Device.cpu(), Djl.PYTORCH);
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes());
            return new BertEncoder(baseId, config, weights, model, block);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The encoder's shape as its graph tells it, without building a model (to plan a fine-tune before loading). */
    public static BertConfig readConfig(Path onnx, OptionalInt knownHeads) {
        OnnxGraph graph = OnnxGraph.read(onnx);
        BertWeightMap weights = BertWeightMap.resolve(graph);
        return BertConfig.fromGraph(graph, weights, knownHeads);
    }

    /** Shapes for {@code trainer.initialize}: ids, mask, token types. */
    public static Shape[] inputShapes() {
        Shape shape = new Shape(1, 8);
        return new Shape[] {shape, shape, shape};
    }

    public String baseId() {
        return baseId;
    }

    public BertConfig config() {
        return config;
    }

    public BertWeightMap weightMap() {
        return weights;
    }

    public Model model() {
        return model;
    }

    public BertEncoderBlock block() {
        return block;
    }

    /** Sentence vectors (unit length) without building an autograd graph. */
    public float[][] embed(TokenBatch batch) {
        return toRows(run(batch, false)[0], batch.rows());
    }

    /** The last hidden states [rows · length · hidden], without building an autograd graph. */
    public float[] hiddenStates(TokenBatch batch) {
        return run(batch, true)[1];
    }

    /** Pooled vectors and (if asked) hidden states, as plain arrays. */
    private float[][] run(TokenBatch batch, boolean wantHidden) {
        return Djl.withoutGradients(() -> {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDList outputs = block.forward(new ParameterStore(manager, false), batch.toNDList(manager), false);
                return new float[][] {outputs.get(0).toFloatArray(), wantHidden ? outputs.get(1).toFloatArray() : null};
            }
        });
    }

    static float[][] toRows(float[] flat, int rows) {
        int dim = flat.length / rows;
        float[][] out = new float[rows][dim];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * dim, out[r], 0, dim);
        }
        return out;
    }

    /** A snapshot of the trainable layers, ready to store and to serve through ONNX Runtime. */
    public TunedEncoderWeights tunedWeights() {
        int from = block.firstTrainableLayer();
        return new TunedEncoderWeights(baseId, from, config.layers(), block.layerValues(from, config.layers()));
    }

    @Override
    public void close() {
        model.close();
    }
}
