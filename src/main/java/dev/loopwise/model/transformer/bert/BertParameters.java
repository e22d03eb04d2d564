package dev.loopwise.model.transformer.bert;

import ai.djl.nn.Parameter;
import ai.djl.ndarray.types.Shape;
import dev.loopwise.model.transformer.FloatTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter names of a BERT encoder (Hugging Face BertModel naming, no pooler: sentence encoders
 * pool the hidden states themselves), and how the DJL blocks create them from a weight source.
 */
public final class BertParameters {
    /** Per-layer names below {@code encoder.layer.N.}. */
    public static final List<String> LAYER = List.of(
            "attention.self.query.weight", "attention.self.query.bias",
            "attention.self.key.weight", "attention.self.key.bias",
            "attention.self.value.weight", "attention.self.value.bias",
            "attention.output.dense.weight", "attention.output.dense.bias",
            "attention.output.LayerNorm.weight", "attention.output.LayerNorm.bias",
            "intermediate.dense.weight", "intermediate.dense.bias",
            "output.dense.weight", "output.dense.bias",
            "output.LayerNorm.weight", "output.LayerNorm.bias");

    /** Names below {@code embeddings.}. */
    public static final List<String> EMBEDDINGS = List.of(
            "word_embeddings.weight", "position_embeddings.weight", "token_type_embeddings.weight",
            "LayerNorm.weight", "LayerNorm.bias");

    /** Supplies a parameter's initial values in PyTorch layout (dense weights [out, in]). */
    @FunctionalInterface
    public interface Source {
        FloatTensor tensor(String parameter);
    }

    private BertParameters() {
    }

    public static String layerPrefix(int layer) {
        return "encoder.layer." + layer + ".";
    }

    public static List<String> names(int layers) {
        List<String> names = new ArrayList<>();
        EMBEDDINGS.forEach(name -> names.add("embeddings." + name));
        for (int layer = 0; layer < layers; layer++) {
            for (String name : LAYER) {
                names.add(layerPrefix(layer) + name);
            }
        }
        return names;
    }

    /** The PyTorch-layout shape of a parameter, from the config alone. */
    public static Shape shape(BertConfig config, String parameter) {
        int h = config.hidden();
        int i = config.intermediate();
        String local = parameter.substring(parameter.indexOf('.', parameter.startsWith("encoder.") ? "encoder.layer.".length() : 0) + 1);
        return switch (local) {
            case "word_embeddings.weight" -> new Shape(config.vocabulary(), h);
            case "position_embeddings.weight" -> new Shape(config.maxPositions(), h);
            case "token_type_embeddings.weight" -> new Shape(config.tokenTypes(), h);
            case "intermediate.dense.weight" -> new Shape(i, h);
            case "intermediate.dense.bias" -> new Shape(i);
            case "output.dense.weight" -> new Shape(h, i);
            default -> local.endsWith(".weight") && !local.contains("LayerNorm") ? new Shape(h, h) : new Shape(h);
        };
    }

    /**
     * A DJL parameter whose initializer copies the pre-trained values, so DJL's usual initialize call (by
     * the Trainer or by {@link BertEncoder}) loads the weights into the model's own NDManager.
     */
    static Parameter create(BertConfig config, String fullName, String localName, Source source, boolean trainable) {
        Shape shape = shape(config, fullName);
        return Parameter.builder()
                .setName(localName)
                .setType(localName.endsWith("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
                .optShape(shape)
                .optRequiresGrad(trainable)
                .optInitializer((manager, wanted, dataType) -> {
                    FloatTensor tensor = source.tensor(fullName);
                    if (!new Shape(tensor.dims()).equals(wanted)) {
                        throw new IllegalArgumentException(fullName + " has shape " + new Shape(tensor.dims())
                                + ", the model wants " + wanted);
                    }
                    return manager.create(tensor.values(), wanted);
                })
                .build();
    }
}
