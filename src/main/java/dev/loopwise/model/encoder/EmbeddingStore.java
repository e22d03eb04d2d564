package dev.loopwise.model.encoder;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.Vectors;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence vectors cached in PostgreSQL by (encoder id, text hash): a text is encoded once per
 * encoder, however often it is trained on or served, and a vector is only ever read back for the encoder
 * id it was stored under. One query looks a batch up, one inserts what was new.
 */
@ApplicationScoped
public class EmbeddingStore {
    private static final int LOOKUP_CHUNK = 5000;

    @Inject
    EncoderService encoder;
    @Inject
    AgroalDataSource dataSource;

    /** The encoder new model versions are trained on. */
    public EncoderRef workspaceEncoder() {
        return encoder.workspaceEncoder();
    }

    /** Loads the encoder if it is not in memory yet. */
    public void warmUp(EncoderRef by) {
        encoder.dimension(by);
    }

    /** One vector per text, in order, from {@code by} (or the cache of its vectors); encoding gives way to serving. */
    public float[][] embed(EncoderRef by, List<String> texts) {
        return embed(by, texts, true);
    }

    /** As {@link #embed(EncoderRef, List)} for what serving itself needs (a version's replies as it loads): encoded at once. */
    public float[][] embedNow(EncoderRef by, List<String> texts) {
        return embed(by, texts, false);
    }

    private float[][] embed(EncoderRef by, List<String> texts, boolean background) {
        List<String> hashes = texts.stream().map(Hashing::sha256Hex).toList();
        Map<String, float[]> known = lookup(by.id(), hashes);
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(hashes.get(i))) {
                missing.putIfAbsent(hashes.get(i), texts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            List<String> toEncode = new ArrayList<>(missing.values());
            float[][] fresh = background ? encoder.encodeInBackground(by, toEncode) : encoder.encode(by, toEncode);
            List<String> freshHashes = new ArrayList<>(missing.keySet());
            for (int i = 0; i < fresh.length; i++) {
                known.put(freshHashes.get(i), fresh[i]);
            }
            store(by.id(), freshHashes, fresh);
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = known.get(hashes.get(i));
        }
        return out;
    }

    /** Cached vectors of that encoder for the given text hashes (absent ones are simply missing from the map). */
    public Map<String, float[]> lookup(String encoderId, List<String> hashes) {
        Map<String, float[]> found = new HashMap<>();
        List<String> distinct = hashes.stream().distinct().toList();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
                try (PreparedStatement query = connection.prepareStatement(
                        "select text_hash, vector from embeddings where encoder_id = ? and text_hash = any(?)")) {
                    Array array = connection.createArrayOf("varchar", chunk.toArray());
                    query.setString(1, encoderId);
                    query.setArray(2, array);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            found.put(rows.getString(1), Vectors.fromBytes(rows.getBytes(2)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read cached embeddings", e);
        }
        return found;
    }

    /** Stores vectors of that encoder; another writer storing the same text at the same time is fine. */
    public void store(String encoderId, List<String> hashes, float[][] vectors) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into embeddings (encoder_id, text_hash, vector) values (?, ?, ?) on conflict do nothing")) {
            for (int i = 0; i < hashes.size(); i++) {
                insert.setString(1, encoderId);
                insert.setString(2, hashes.get(i));
                insert.setBytes(3, Vectors.toBytes(vectors[i]));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store embeddings", e);
        }
    }
}
