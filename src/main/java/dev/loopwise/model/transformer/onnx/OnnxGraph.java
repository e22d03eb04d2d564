package dev.loopwise.model.transformer.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ONNX graph as far as weight mapping needs it: initializers (the weights), nodes and the names of
 * the real inputs and outputs. Lookups follow edges by tensor name, which is how exported graphs link an
 * anonymous weight ({@code onnx::MatMul_1234}) to the module that uses it.
 */
public record OnnxGraph(List<OnnxTensorData> initializers, List<OnnxNode> nodes, List<String> inputs,
                        List<String> outputs) {

    public OnnxGraph {
        // Before IR version 4 every initializer was also listed as a graph input; only feeds are inputs here.
        Set<String> weights = initializers.stream().map(OnnxTensorData::name).collect(Collectors.toSet());
        inputs = inputs.stream().filter(name -> !weights.contains(name)).toList();
        initializers = List.copyOf(initializers);
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
    }

    public static OnnxGraph read(Path file) {
        return OnnxReader.read(file);
    }

    public Map<String, OnnxTensorData> initializerMap() {
        Map<String, OnnxTensorData> map = new LinkedHashMap<>();
        initializers.forEach(tensor -> map.put(tensor.name(), tensor));
        return map;
    }

    /** The node that writes {@code tensor}, if any (initializers and graph inputs have none). */
    public Optional<OnnxNode> producer(String tensor) {
        return nodes.stream().filter(node -> node.outputs().contains(tensor)).findFirst();
    }

    /** The nodes reading {@code tensor}, in graph order. */
    public List<OnnxNode> consumers(String tensor) {
        return nodes.stream().filter(node -> node.inputs().contains(tensor)).toList();
    }

    /** Every tensor name read by a node, mapped to the nodes reading it (one pass, for bulk lookups). */
    public Map<String, List<OnnxNode>> readers() {
        Map<String, List<OnnxNode>> readers = new HashMap<>();
        for (OnnxNode node : nodes) {
            for (String input : node.inputs()) {
                readers.computeIfAbsent(input, key -> new ArrayList<>()).add(node);
            }
        }
        return readers;
    }

    /** The value of a constant tensor: an initializer, or the output of a {@code Constant} node. */
    public Optional<OnnxTensorData> constant(String tensor) {
        for (OnnxTensorData initializer : initializers) {
            if (initializer.name().equals(tensor)) {
                return Optional.of(initializer);
            }
        }
        return producer(tensor).filter(node -> node.opType().equals("Constant"))
                .map(node -> node.tensorAttribute("value"));
    }
}
