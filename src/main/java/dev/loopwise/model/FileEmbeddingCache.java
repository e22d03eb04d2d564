package dev.loopwise.model;

import dev.loopwise.common.Hashing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's embedding cache (the service keeps its own in PostgreSQL): one append-only file
 * per encoder, so running an evaluation again never re-encodes a text.
 */
final class FileEmbeddingCache {
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    FileEmbeddingCache(Path directory, String encoderId) {
        this.file = directory.resolve("embeddings-" + encoderId.replaceAll("[^A-Za-z0-9@._-]", "_") + ".bin");
        load();
    }

    /** Vectors for every text, encoding (and remembering) only the ones not seen before. */
    float[][] embed(SentenceEncoder encoder, List<String> texts, Progress progress) {
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>();
        Map<String, Integer> firstMissing = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String hash = Hashing.sha256Hex(texts.get(i));
            float[] known = vectors.get(hash);
            if (known != null) {
                out[i] = known;
            } else if (!firstMissing.containsKey(hash)) {
                firstMissing.put(hash, missing.size());
                missing.add(texts.get(i));
                missingAt.add(i);
            } else {
                missingAt.add(i);
            }
        }
        if (!missing.isEmpty()) {
            float[][] fresh = progress.encode(encoder, missing);
            append(missing, fresh);
            for (int i : missingAt) {
                out[i] = fresh[firstMissing.get(Hashing.sha256Hex(texts.get(i)))];
            }
        }
        return out;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String hash;
                try {
                    hash = in.readUTF();
                } catch (EOFException end) {
                    return;
                }
                float[] v = new float[in.readInt()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                vectors.put(hash, v);
            }
        } catch (EOFException truncated) {
            // A run stopped mid-write; the whole entries before it are still good.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the embedding cache " + file, e);
        }
    }

    private void append(List<String> texts, float[][] fresh) {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (int i = 0; i < texts.size(); i++) {
                    String hash = Hashing.sha256Hex(texts.get(i));
                    out.writeUTF(hash);
                    out.writeInt(fresh[i].length);
                    for (float f : fresh[i]) {
                        out.writeFloat(f);
                    }
                    vectors.put(hash, fresh[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the embedding cache " + file, e);
        }
    }
}
