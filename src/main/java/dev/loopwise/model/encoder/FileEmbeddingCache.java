package dev.loopwise.model.encoder;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.Progress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The command line's embedding cache (the service keeps its own in PostgreSQL): one append-only file
 * per encoder id, so running an evaluation again never re-encodes a text. The file starts with the exact
 * id it belongs to, and a file of another id is never read: two encoders' vectors cannot mix.
 */
public final class FileEmbeddingCache {
    private static final String MAGIC = "loopwise-embeddings-v2";
    private final Path file;
    private final String encoderId;
    private final Map<String, float[]> vectors = new HashMap<>();
    private boolean headerRead;
    /** Length of the file's whole entries; a run stopped mid-write leaves a partial one after it. */
    private long wholeBytes;

    public FileEmbeddingCache(Path directory, String encoderId) {
        this.encoderId = encoderId;
        // The readable part may coincide for two ids once sanitised; the hash of the exact id never does.
        this.file = directory.resolve("embeddings-" + encoderId.replaceAll("[^A-Za-z0-9@._-]", "_") + "-"
                + Hashing.sha256Hex(encoderId).substring(0, 8) + ".bin");
        load();
    }

    /** Vectors for every text, encoding (and remembering) only the ones not seen before. */
    public float[][] embed(SentenceEncoder encoder, List<String> texts, Progress progress) {
        return embed(encoder.id(), encoder::encode, texts, progress);
    }

    /** @param id the id of the encoder behind {@code encode}; a cache of another id refuses it */
    float[][] embed(String id, Function<List<String>, float[][]> encode, List<String> texts, Progress progress) {
        if (!id.equals(encoderId)) {
            throw new IllegalArgumentException("This cache holds vectors of " + encoderId + ", not of " + id);
        }
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
            float[][] fresh = progress.encode(encode, missing);
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
            if (!MAGIC.equals(in.readUTF()) || !encoderId.equals(in.readUTF())) {
                return; // not this encoder's file: start afresh rather than trust it
            }
            headerRead = true;
            wholeBytes = utfBytes(MAGIC) + utfBytes(encoderId);
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
                wholeBytes += utfBytes(hash) + Integer.BYTES + (long) Float.BYTES * v.length;
            }
        } catch (EOFException truncated) {
            // A run stopped mid-write (or before the header was whole); the whole entries before it are still good.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the embedding cache " + file, e);
        }
    }

    private void append(List<String> texts, float[][] fresh) {
        try {
            Files.createDirectories(file.getParent());
            if (!headerRead) {
                Files.deleteIfExists(file); // missing, unreadable or another id's: begin it with this id
            } else if (Files.size(file) > wholeBytes) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(wholeBytes); // drop a partial entry, or new ones would be read out of step
                }
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                if (!headerRead) {
                    out.writeUTF(MAGIC);
                    out.writeUTF(encoderId);
                    headerRead = true;
                    wholeBytes = utfBytes(MAGIC) + utfBytes(encoderId);
                }
                for (int i = 0; i < texts.size(); i++) {
                    String hash = Hashing.sha256Hex(texts.get(i));
                    out.writeUTF(hash);
                    out.writeInt(fresh[i].length);
                    for (float f : fresh[i]) {
                        out.writeFloat(f);
                    }
                    vectors.put(hash, fresh[i]);
                    wholeBytes += utfBytes(hash) + Integer.BYTES + (long) Float.BYTES * fresh[i].length;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the embedding cache " + file, e);
        }
    }

    private static long utfBytes(String text) {
        return 2 + text.getBytes(StandardCharsets.UTF_8).length; // writeUTF: length + (ASCII here) bytes
    }
}
