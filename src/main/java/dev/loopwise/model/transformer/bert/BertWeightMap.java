package dev.loopwise.model.transformer.bert;

import dev.loopwise.model.transformer.onnx.OnnxGraph;
import dev.loopwise.model.transformer.onnx.OnnxNode;
import dev.loopwise.model.transformer.onnx.OnnxTensorData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which ONNX initializer holds which BERT parameter. Parameters are named as in Hugging Face's
 * BertModel state dict ({@code encoder.layer.3.attention.self.query.weight}) with its layouts (dense
 * weights [out, in]), so a tuned-weights file loads into Python's BertModel too.
 *
 * <p>PyTorch's exporter keeps those names for biases and norms but folds each dense weight's transpose
 * into an anonymous constant ({@code onnx::MatMul_787}, stored [in, out]). Counting such constants in
 * file order would silently mis-assign them in any graph whose order differs, so an anonymous weight is
 * named after the node that reads it ({@code /encoder/layer.0/attention/self/query/MatMul} gives
 * {@code encoder.layer.0.attention.self.query.weight}), and the reader's op tells the layout.
 */
public final class BertWeightMap {
    /** Where a parameter lives in the graph and whether the stored tensor is its transpose. */
    public record Entry(String parameter, OnnxTensorData tensor, boolean transposed) {
    }

    private static final Pattern MODULE_NAME = Pattern.compile("^(embeddings|encoder)\\..*\\.(weight|bias)$");

    private final Map<String, Entry> entries;

    private BertWeightMap(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static BertWeightMap resolve(OnnxGraph graph) {
        Map<String, List<OnnxNode>> readers = graph.readers();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (OnnxTensorData tensor : graph.initializers()) {
            if (tensor.dataType() != OnnxTensorData.FLOAT) {
                continue; // position_ids and shape constants are not parameters
            }
            List<OnnxNode> users = readers.getOrDefault(tensor.name(), List.of());
            String name = stripPrefix(tensor.name());
            boolean transposed;
            if (MODULE_NAME.matcher(name).matches()) {
                transposed = users.size() == 1 && storedAsInputByOutput(users.get(0), tensor.name());
            } else if (users.size() == 1) {
                OnnxNode user = users.get(0);
                name = parameterOf(user, tensor.name());
                if (name == null) {
                    continue;
                }
                transposed = storedAsInputByOutput(user, tensor.name());
            } else {
                continue;
            }
            Entry previous = entries.put(name, new Entry(name, tensor, transposed));
            if (previous != null) {
                throw new IllegalArgumentException("Both " + previous.tensor().name() + " and " + tensor.name()
                        + " map to the parameter " + name);
            }
        }
        return new BertWeightMap(entries);
    }

    /** Exports of a task model prefix the encoder with its attribute name. */
    private static String stripPrefix(String name) {
        return name.startsWith("bert.") ? name.substring(5) : name;
    }

    /** The parameter an anonymous initializer stands for, from the module path in its reader's name. */
    private static String parameterOf(OnnxNode node, String tensor) {
        int slash = node.name().lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String module = stripPrefix(node.name().substring(node.name().startsWith("/") ? 1 : 0, slash).replace('/', '.'));
        int index = node.inputs().indexOf(tensor);
        String suffix = switch (node.opType()) {
            case "MatMul" -> index == 1 ? "weight" : null;
            case "Gemm", "LayerNormalization" -> index == 1 ? "weight" : index == 2 ? "bias" : null;
            case "Gather" -> index == 0 ? "weight" : null;
            case "Mul" -> "weight"; // the scale of a decomposed layer norm
            case "Add" -> "bias";
            default -> null;
        };
        return suffix == null ? null : module + "." + suffix;
    }

    /** True when a 2-D weight is stored [in, out] (read by MatMul as its right operand, or by Gemm without transB). */
    private static boolean storedAsInputByOutput(OnnxNode node, String tensor) {
        int index = node.inputs().indexOf(tensor);
        if (node.opType().equals("MatMul")) {
            return index == 1;
        }
        if (node.opType().equals("Gemm") && index == 1) {
            return !(node.attributes().get("transB") instanceof Long transB && transB == 1L);
        }
        return false;
    }

    public boolean contains(String parameter) {
        return entries.containsKey(parameter);
    }

    public Entry entry(String parameter) {
        Entry entry = entries.get(parameter);
        if (entry == null) {
            throw new IllegalArgumentException("The graph has no initializer for the BERT parameter " + parameter);
        }
        return entry;
    }

    /** The dims as stored in the graph. */
    public long[] onnxDims(String parameter) {
        return entry(parameter).tensor().dims();
    }

    /** The values in PyTorch's layout (dense weights [out, in]), with that shape. */
    public float[] pytorchValues(String parameter) {
        Entry entry = entry(parameter);
        float[] values = entry.tensor().floats();
        return entry.transposed() ? transpose(values, entry.tensor().dims()) : values;
    }

    public long[] pytorchDims(String parameter) {
        Entry entry = entry(parameter);
        long[] dims = entry.tensor().dims();
        return entry.transposed() ? new long[] {dims[1], dims[0]} : dims.clone();
    }

    /** Row-major [rows, cols] to row-major [cols, rows]. */
    public static float[] transpose(float[] values, long[] dims) {
        int rows = (int) dims[0];
        int cols = (int) dims[1];
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Every parameter the encoder needs, in BertModel order; throws listing any the graph lacks. */
    public void requireAll(BertConfig config) {
        List<String> missing = BertParameters.names(config.layers()).stream().filter(n -> !contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The graph lacks BERT parameters " + missing
                    + " (fused or quantised exports are not supported)");
        }
    }
}
