package dev.loopwise.knowledge;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of passages and their vectors for the in-process index: the whole matrix in one streamed read, the passages
 * shown with a search's hits, and those another encoder embedded. Writes go through {@link KnowledgeStore}.
 */
@ApplicationScoped
class KnowledgeReader {
    private static final int FETCH = 2000;

    @Inject
    AgroalDataSource dataSource;

    /** Passage vectors of one encoder, in id order. */
    record Vectors(long generation, long[] ids, float[] matrix, int dimension) {
    }

    /** A passage whose vector is another encoder's. */
    record Stale(long id, String title, String heading, String text) {
    }

    /** A passage as shown: its text and its article's title and url. */
    record Shown(long id, String title, String url, String text) {
    }

    long generation() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("select generation from knowledge_generation where id = 1")) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the knowledge base's generation", e);
        }
    }

    /** Whether any passage has another encoder's vector: two probes of the encoder index, not a walk of the passages. */
    boolean anyStale(String encoderId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select exists (select 1 from knowledge_passages where encoder_id < ?) or exists (select 1 from knowledge_passages where encoder_id > ?)")) {
            q.setString(1, encoderId);
            q.setString(2, encoderId);
            try (ResultSet row = q.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the passages' encoder", e);
        }
    }

    /**
     * Up to {@code limit} passages after {@code afterId} whose vectors are not {@code encoderId}'s, by id: each batch
     * starts where the last one ended instead of walking again past every passage already done.
     */
    List<Stale> stale(String encoderId, long afterId, int limit) {
        List<Stale> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("select p.id, a.title, p.heading, p.text "
                + "from knowledge_passages p join knowledge_articles a on a.id = p.article_id where p.encoder_id <> ? and p.id > ? "
                + "order by p.id limit ?")) {
            q.setString(1, encoderId);
            q.setLong(2, afterId);
            q.setInt(3, limit);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(new Stale(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read passages to embed again", e);
        }
        return out;
    }

    /** Every vector of that encoder, streamed in one transaction so the generation read matches the rows read. */
    Vectors vectors(String encoderId) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement g = c.createStatement(); ResultSet gen = g.executeQuery("select generation from knowledge_generation where id = 1");
                 PreparedStatement size = c.prepareStatement("select count(*) from knowledge_passages where encoder_id = ?");
                 PreparedStatement q = c.prepareStatement("select id, vector from knowledge_passages where encoder_id = ? order by id")) {
                long generation = gen.next() ? gen.getLong(1) : 0;
                // Counted first (same snapshot) so the matrix is allocated once: growing it would briefly need twice the heap.
                size.setString(1, encoderId);
                int n;
                try (ResultSet count = size.executeQuery()) {
                    count.next();
                    n = count.getInt(1);
                }
                long[] ids = new long[n];
                float[] matrix = null;
                int dimension = 0;
                int row = 0;
                q.setFetchSize(FETCH);
                q.setString(1, encoderId);
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        float[] v = dev.loopwise.model.Vectors.fromBytes(rows.getBytes(2));
                        if (matrix == null) {
                            dimension = v.length;
                            matrix = new float[Math.multiplyExact(n, dimension)];
                        }
                        ids[row] = rows.getLong(1);
                        System.arraycopy(v, 0, matrix, row * dimension, dimension);
                        row++;
                    }
                }
                c.commit();
                return new Vectors(generation, ids, matrix == null ? new float[0] : matrix, dimension);
            } finally {
                c.setAutoCommit(auto);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the knowledge base's vectors", e);
        }
    }

    /** The passages with those ids that still exist, by id. */
    Map<Long, Shown> shown(List<Long> ids) {
        Map<Long, Shown> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("select p.id, a.title, a.url, p.text "
                + "from knowledge_passages p join knowledge_articles a on a.id = p.article_id where p.id = any(?)")) {
            q.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getLong(1), new Shown(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read passages", e);
        }
        return out;
    }
}
