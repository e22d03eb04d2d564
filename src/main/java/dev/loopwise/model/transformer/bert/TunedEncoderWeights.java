package dev.loopwise.model.transformer.bert;

import dev.loopwise.common.file.AtomicFiles;
import dev.loopwise.model.transformer.FloatTensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tuned top layers of an encoder: the only weights a fine-tune changes (embeddings and lower layers
 * stay as in the base file), so a model version stores a few MB instead of the whole encoder. Stored as
 * safetensors under BertModel names in PyTorch layout; the metadata names the base encoder they must be
 * laid over, so tuned layers are never combined with the wrong base.
 *
 * @param firstLayer the lowest tuned layer; layers [firstLayer, endLayer) are all present
 */
public record TunedEncoderWeights(String baseEncoderId, int firstLayer, int endLayer, Map<String, FloatTensor> tensors) {
    public static final String FORMAT = "loopwise-tuned-encoder";
    public static final int FORMAT_VERSION = 1;

    public TunedEncoderWeights {
        tensors = Map.copyOf(tensors);
        Set<String> expected = new HashSet<>();
        for (int layer = firstLayer; layer < endLayer; layer++) {
            for (String local : BertParameters.LAYER) {
                expected.add(BertParameters.layerPrefix(layer) + local);
            }
        }
        if (firstLayer < 0 || endLayer < firstLayer || !expected.equals(tensors.keySet())) {
            throw new IllegalArgumentException("Tuned weights must hold exactly the parameters of layers " + firstLayer
                    + ".." + (endLayer - 1));
        }
    }

    /** This, if it fits the named base encoder and its config; else a clear refusal. */
    public TunedEncoderWeights checkedAgainst(String baseId, BertConfig config) {
        if (!baseEncoderId.equals(baseId)) {
            throw new IllegalArgumentException("These tuned layers belong to the encoder " + baseEncoderId + ", not " + baseId);
        }
        if (endLayer > config.layers()) {
            throw new IllegalArgumentException("Tuned layer " + (endLayer - 1) + " does not exist in a " + config.layers()
                    + "-layer encoder");
        }
        tensors.forEach((name, tensor) -> {
            if (!BertParameters.shape(config, name).equals(new ai.djl.ndarray.types.Shape(tensor.dims()))) {
                throw new IllegalArgumentException("Tuned " + name + " does not have the base encoder's shape");
            }
        });
        return this;
    }

    /**
     * The tuned tensors as ONNX initializers of the base graph: same names (anonymous ones included),
     * same [in, out] layout where the graph stores the transpose.
     */
    public Map<String, FloatTensor> onnxInitializers(BertWeightMap map) {
        Map<String, FloatTensor> initializers = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> {
            BertWeightMap.Entry entry = map.entry(name);
            float[] values = entry.transposed() ? BertWeightMap.transpose(tensor.values(), tensor.dims()) : tensor.values();
            initializers.put(entry.tensor().name(), new FloatTensor(entry.tensor().dims(), values));
        });
        return initializers;
    }

    public byte[] toBytes() {
        return SafeTensors.write(tensors, Map.of(
                "format", FORMAT,
                "format_version", String.valueOf(FORMAT_VERSION),
                "base_encoder", baseEncoderId,
                "first_tuned_layer", String.valueOf(firstLayer),
                "end_tuned_layer", String.valueOf(endLayer)));
    }

    public static TunedEncoderWeights fromBytes(byte[] bytes) {
        SafeTensors.Contents contents = SafeTensors.read(bytes);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException("Not a Loopwise tuned-encoder file (format " + meta.get("format") + ")");
        }
        if (!String.valueOf(FORMAT_VERSION).equals(meta.get("format_version"))) {
            throw new IllegalArgumentException("Tuned-encoder file format version " + meta.get("format_version")
                    + " is not supported; this Loopwise reads version " + FORMAT_VERSION);
        }
        try {
            return new TunedEncoderWeights(meta.get("base_encoder"), Integer.parseInt(meta.get("first_tuned_layer")),
                    Integer.parseInt(meta.get("end_tuned_layer")), contents.tensors());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("The tuned-encoder file's metadata is incomplete: " + meta, e);
        }
    }

    /** Content address of stored bytes: the SHA-256 of the file, hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes under {@code directory/<sha256>.safetensors} (atomically, idempotent) and returns that path. */
    public Path store(Path directory) {
        byte[] bytes = toBytes();
        Path target = directory.resolve(sha256(bytes) + ".safetensors");
        try {
            Files.createDirectories(directory);
            if (!Files.exists(target)) {
                AtomicFiles.writeBytes(target, bytes);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store tuned weights in " + directory, e);
        }
    }

    /** Reads a stored file and checks that its name is still the hash of its bytes. */
    public static TunedEncoderWeights load(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            if (name.endsWith(".safetensors") && name.length() == 64 + 12 && !name.startsWith(sha256(bytes))) {
                throw new IllegalArgumentException(file + " does not match its content address: the file was altered");
            }
            return fromBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read tuned weights " + file, e);
        }
    }
}
