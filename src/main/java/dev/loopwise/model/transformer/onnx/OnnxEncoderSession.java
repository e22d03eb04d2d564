package dev.loopwise.model.transformer.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.Pooling;
import dev.loopwise.model.transformer.TokenBatch;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves an encoder through ONNX Runtime's own Java API: the base .onnx file as shipped, with any
 * initializers replaced by tuned values via {@code SessionOptions.addInitializer}. The file is never
 * rewritten, so a model version is just a small tuned-weights file next to a shared base graph, and
 * serving speed is the base graph's. Thread-safe (ORT sessions are).
 *
 * <p>ORT does not copy user initializers: the tensors stay open for the life of the session and are
 * closed with it.
 */
public final class OnnxEncoderSession implements AutoCloseable {
    private final OrtEnvironment environment = OnnxEnvironment.shared();
    private final List<OnnxTensor> initializers = new ArrayList<>();
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final boolean usesTokenTypes;

    /**
     * @param overrides initializer name in the graph → value in the graph's layout (see
     *                  {@link dev.loopwise.model.transformer.bert.TunedEncoderWeights#onnxInitializers}); may be empty
     * @param threads   intra-op threads, 0 for ONNX Runtime's default
     */
    public OnnxEncoderSession(Path onnx, Map<String, FloatTensor> overrides, int threads) {
        OrtSession.SessionOptions opened = null;
        OrtSession created = null;
        try {
            opened = new OrtSession.SessionOptions();
            if (threads > 0) {
                opened.setIntraOpNumThreads(threads);
                opened.setInterOpNumThreads(1);
            }
            for (Map.Entry<String, FloatTensor> entry : overrides.entrySet()) {
                OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(entry.getValue().values()),
                        entry.getValue().dims());
                initializers.add(tensor);
                opened.addInitializer(entry.getKey(), tensor);
            }
            created = environment.createSession(onnx.toString(), opened);
            Set<String> inputs = created.getInputNames();
            this.usesTokenTypes = inputs.contains("token_type_ids");
            this.session = created;
            this.options = opened;
        } catch (OrtException e) {
            // A session that opened but could not be read would otherwise hold the graph's native memory for ever.
            if (created != null) {
                try {
                    created.close();
                } catch (OrtException closing) {
                    e.addSuppressed(closing);
                }
            }
            closeQuietly(opened);
            throw new IllegalStateException("ONNX Runtime could not open " + onnx + " with " + overrides.size()
                    + " replaced initializers: " + e.getMessage(), e);
        }
    }

    /** The first output (last_hidden_state for BERT exports), flat [rows · length · hidden]. */
    public float[] hiddenStates(TokenBatch batch) {
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            long[] shape = batch.shape();
            feeds.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.ids()), shape));
            feeds.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.mask()), shape));
            if (usesTokenTypes) {
                feeds.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.types()), shape));
            }
            try (OrtSession.Result result = session.run(feeds)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] values = new float[hidden.remaining()];
                hidden.get(values);
                return values;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + batch.rows() + " texts", e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    /** Pooled, unit-length sentence vectors. */
    public float[][] embed(TokenBatch batch, Pooling pooling) {
        return pooling.pool(hiddenStates(batch), batch.mask(), batch.rows(), batch.length());
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not close the ONNX Runtime session", e);
        } finally {
            closeQuietly(options);
        }
    }

    private void closeQuietly(OrtSession.SessionOptions opened) {
        if (opened != null) {
            opened.close();
        }
        initializers.forEach(OnnxTensor::close);
        initializers.clear();
    }
}
