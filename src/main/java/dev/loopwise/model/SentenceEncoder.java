package dev.loopwise.model;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A pre-trained sentence encoder E(text) ∈ R^d: a BERT-family ONNX model run by DJL's ONNX Runtime
 * engine, DJL's HuggingFace tokenizer, pooled as the model was trained (mean over real tokens, or [CLS]),
 * L2 normalisation. Texts are sorted by length before batching so a batch pads little. Thread-safe.
 */
public final class SentenceEncoder implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final HuggingFaceTokenizer tokenizer;
    private final EncoderSpec spec;
    private final int batchSize;
    private final boolean usesTokenTypes;
    private final int dimension;

    public SentenceEncoder(EncoderSpec spec, int batchSize, int threads) {
        Djl.configure();
        this.spec = spec;
        EncoderFiles files = spec.files();
        this.batchSize = batchSize;
        try {
            Criteria.Builder<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(files.directory()).optEngine(Djl.ONNX_RUNTIME);
            if (threads > 0) {
                criteria.optOption("intraOpNumThreads", String.valueOf(threads)).optOption("interOpNumThreads", "1");
            }
            this.model = criteria.build().loadModel();
            this.tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(files.tokenizer())
                    .optMaxLength(spec.maxTokens()).optTruncation(true).optPadding(false).build();
            this.usesTokenTypes = model.describeInput().keys().contains("token_type_ids");
            this.dimension = encodeBatch(List.of("dimension probe"))[0].length;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the encoder " + spec.name() + " from " + files.directory(), e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("The encoder in " + files.directory() + " is not a usable ONNX model", e);
        }
    }

    /** Identifies the weights, so cached embeddings of another encoder are never mixed in. */
    public String id() {
        return spec.id();
    }

    public EncoderSpec spec() {
        return spec;
    }

    public int dimension() {
        return dimension;
    }

    /** Embeds every text (same order as given); each vector has unit length. */
    public float[][] encode(List<String> texts) {
        float[][] result = new float[texts.size()][];
        List<Integer> order = IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> texts.get(i).length())).toList();
        for (int start = 0; start < order.size(); start += batchSize) {
            List<Integer> batch = order.subList(start, Math.min(order.size(), start + batchSize));
            float[][] vectors = encodeBatch(batch.stream().map(texts::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                result[batch.get(i)] = vectors[i];
            }
        }
        return result;
    }

    private float[][] encodeBatch(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(spec.prefix().isEmpty() ? texts
                : texts.stream().map(t -> spec.prefix() + t).toList());
        int rows = encodings.length;
        int length = 1;
        for (Encoding encoding : encodings) {
            length = Math.max(length, encoding.getIds().length);
        }
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            long[] rowIds = encodings[r].getIds();
            long[] rowTypes = encodings[r].getTypeIds();
            for (int t = 0; t < rowIds.length; t++) {
                ids[r * length + t] = rowIds[t];
                mask[r * length + t] = 1;
                types[r * length + t] = rowTypes[t];
            }
        }
        try (NDManager manager = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor()) {
            Shape shape = new Shape(rows, length);
            NDList inputs = new NDList(manager.create(ids, shape), manager.create(mask, shape));
            if (usesTokenTypes) {
                inputs.add(manager.create(types, shape));
            }
            float[] hidden = predictor.predict(inputs).get(0).toFloatArray();
            return spec.pooling().pool(hidden, mask, rows, length);
        } catch (TranslateException e) {
            throw new IllegalStateException("The encoder failed on a batch of " + rows + " texts", e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
