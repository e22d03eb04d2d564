package dev.loopwise.model.transformer.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.transformer.onnx.OnnxGraph;
import dev.loopwise.model.transformer.onnx.OnnxNode;
import dev.loopwise.model.transformer.onnx.OnnxTensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anonymous weights are named by the node that reads them, never by their order in the file. */
class BertWeightMapTest {

    static OnnxTensorData tensor(String name, long... dims) {
        ByteBuffer data = ByteBuffer.allocate((int) (4 * dims[0] * dims[1])).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < dims[0] * dims[1]; i++) {
            data.putFloat(i);
        }
        return new OnnxTensorData(name, dims, OnnxTensorData.FLOAT, data.flip());
    }

    static OnnxNode node(String name, String op, List<String> inputs, Map<String, Object> attributes) {
        return new OnnxNode(name, op, inputs, List.of(name + "_output_0"), attributes);
    }

    @Test
    void readersDecideNamesAndLayouts() {
        OnnxGraph graph = new OnnxGraph(
                List.of(tensor("onnx::MatMul_1", 2, 3), tensor("onnx::MatMul_2", 2, 3), tensor("onnx::Gemm_3", 3, 2)),
                List.of(
                        // the first constant in the file is the *key*, the second the query
                        node("/encoder/layer.0/attention/self/key/MatMul", "MatMul", List.of("x", "onnx::MatMul_1"), Map.of()),
                        node("/encoder/layer.0/attention/self/query/MatMul", "MatMul", List.of("x", "onnx::MatMul_2"), Map.of()),
                        node("/bert/encoder/layer.0/output/dense/Gemm", "Gemm", List.of("y", "onnx::Gemm_3"), Map.of("transB", 1L))),
                List.of("x"), List.of("z"));
        BertWeightMap map = BertWeightMap.resolve(graph);
        assertEquals("onnx::MatMul_1", map.entry("encoder.layer.0.attention.self.key.weight").tensor().name());
        assertEquals("onnx::MatMul_2", map.entry("encoder.layer.0.attention.self.query.weight").tensor().name());
        assertTrue(map.entry("encoder.layer.0.attention.self.key.weight").transposed());
        assertArrayEquals(new long[] {3, 2}, map.pytorchDims("encoder.layer.0.attention.self.key.weight"));
        // [[0,1,2],[3,4,5]] stored [in, out] is [[0,3],[1,4],[2,5]] in PyTorch's [out, in]
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, map.pytorchValues("encoder.layer.0.attention.self.key.weight"));
        // Gemm with transB = 1 already holds [out, in]; a "bert." task-model prefix is dropped
        assertFalse(map.entry("encoder.layer.0.output.dense.weight").transposed());
    }
}
