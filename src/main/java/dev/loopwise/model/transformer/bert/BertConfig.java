package dev.loopwise.model.transformer.bert;

import dev.loopwise.model.transformer.onnx.OnnxGraph;
import dev.loopwise.model.transformer.onnx.OnnxNode;
import dev.loopwise.model.transformer.onnx.OnnxTensorData;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a BERT-family encoder, read from the exported graph rather than from a config.json the
 * Maven artifacts do not carry. Sizes come from weight shapes; the number of attention heads is not a
 * weight shape, so it comes from the Reshape that splits Q/K/V into [batch, tokens, heads, head size]
 * (both bundled encoders export it as Concat(…, 12, 32)), else from the caller who knows the model.
 */
public record BertConfig(int vocabulary, int hidden, int layers, int heads, int intermediate, int maxPositions,
                         int tokenTypes, float layerNormEpsilon) {

    public BertConfig {
        if (hidden % heads != 0) {
            throw new IllegalArgumentException(heads + " heads do not divide the hidden size " + hidden);
        }
    }

    public int headSize() {
        return hidden / heads;
    }

    /**
     * @param knownHeads the head count to use when the graph does not reveal it (a checked fact about a
     *                   named model); when the graph does reveal it, the two must agree
     */
    public static BertConfig fromGraph(OnnxGraph graph, BertWeightMap weights, OptionalInt knownHeads) {
        long[] words = weights.onnxDims("embeddings.word_embeddings.weight");
        int hidden = (int) words[1];
        int layers = 0;
        while (weights.contains("encoder.layer." + layers + ".attention.self.query.weight")) {
            layers++;
        }
        if (layers == 0) {
            throw new IllegalArgumentException("The graph has no encoder.layer.0 weights: not a BERT-family encoder");
        }
        int intermediate = (int) weights.onnxDims("encoder.layer.0.intermediate.dense.bias")[0];
        int positions = (int) weights.onnxDims("embeddings.position_embeddings.weight")[0];
        int types = (int) weights.onnxDims("embeddings.token_type_embeddings.weight")[0];
        Set<Long> found = headCounts(graph, hidden);
        int heads;
        if (found.size() == 1) {
            heads = found.iterator().next().intValue();
            if (knownHeads.isPresent() && knownHeads.getAsInt() != heads) {
                throw new IllegalArgumentException("The graph splits attention into " + heads + " heads, not the "
                        + knownHeads.getAsInt() + " expected");
            }
        } else if (knownHeads.isPresent()) {
            heads = knownHeads.getAsInt();
        } else {
            throw new IllegalArgumentException("Cannot tell the number of attention heads from the graph (candidates "
                    + found + "); name it for this model");
        }
        return new BertConfig((int) words[0], hidden, layers, heads, intermediate, positions, types,
                layerNormEpsilon(graph));
    }

    /** Head counts h of every Reshape to [·, ·, h, d] with h·d = hidden, the attention's head split. */
    static Set<Long> headCounts(OnnxGraph graph, int hidden) {
        Set<Long> counts = new TreeSet<>();
        for (OnnxNode node : graph.nodes()) {
            if (!node.opType().equals("Reshape") || node.inputs().size() < 2) {
                continue;
            }
            long[] shape = targetShape(graph, node.inputs().get(1));
            if (shape != null && shape.length == 4 && shape[2] > 0 && shape[3] > 0 && shape[2] * shape[3] == hidden) {
                counts.add(shape[2]);
            }
        }
        return counts;
    }

    /** A Reshape target as far as constants fix it (−1 where only run time knows), or null. */
    private static long[] targetShape(OnnxGraph graph, String tensor) {
        var constant = graph.constant(tensor);
        if (constant.isPresent()) {
            return constant.get().longs();
        }
        var producer = graph.producer(tensor);
        if (producer.isEmpty() || !producer.get().opType().equals("Concat")) {
            return null;
        }
        long[] shape = new long[0];
        for (String part : producer.get().inputs()) {
            long[] values = graph.constant(part).map(OnnxTensorData::longs).orElse(new long[] {-1});
            long[] joined = Arrays.copyOf(shape, shape.length + values.length);
            System.arraycopy(values, 0, joined, shape.length, values.length);
            shape = joined;
        }
        return shape;
    }

    /**
     * The ε of the first layer norm: the epsilon attribute of a fused LayerNormalization, or the constant
     * added to the variance in the decomposed form (ReduceMean, Sub, Pow, ReduceMean, Add ε, Sqrt, Div).
     * BERT's own default, 1e-12, if neither is found.
     */
    static float layerNormEpsilon(OnnxGraph graph) {
        for (OnnxNode node : graph.nodes()) {
            if (node.opType().equals("LayerNormalization") && node.floatAttribute("epsilon") != null) {
                return node.floatAttribute("epsilon");
            }
            if (node.opType().equals("Sqrt")) {
                var add = graph.producer(node.inputs().get(0)).filter(n -> n.opType().equals("Add"));
                if (add.isPresent()) {
                    for (String input : add.get().inputs()) {
                        var eps = graph.constant(input).filter(t -> t.dataType() == OnnxTensorData.FLOAT && t.elementCount() == 1);
                        if (eps.isPresent()) {
                            return eps.get().floats()[0];
                        }
                    }
                }
            }
        }
        return 1e-12f;
    }
}
