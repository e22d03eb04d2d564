package dev.loopwise.model.transformer.onnx;

import java.util.List;
import java.util.Map;

/**
 * One operator of an ONNX graph. Only what weight mapping needs is kept: the node's name (exporters
 * name nodes after the module path, e.g. {@code /encoder/layer.0/attention/self/query/MatMul}, even
 * when the weight itself is anonymous), its edges, and its attributes.
 *
 * @param attributes by name: {@code Long} (i), {@code Float} (f), {@code String} (s), {@code long[]} (ints),
 *                   {@code float[]} (floats) or {@link OnnxTensorData} (t); sub-graphs are skipped
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs,
                       Map<String, Object> attributes) {

    public OnnxTensorData tensorAttribute(String key) {
        return attributes.get(key) instanceof OnnxTensorData tensor ? tensor : null;
    }

    public Float floatAttribute(String key) {
        return attributes.get(key) instanceof Float value ? value : null;
    }
}
