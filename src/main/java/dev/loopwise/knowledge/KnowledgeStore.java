package dev.loopwise.knowledge;

import dev.loopwise.audit.AuditLog;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
 * Articles and passage vectors in PostgreSQL, in bulk (JDBC batches, a streamed read). Every write bumps the
 * knowledge generation in the same transaction, under one advisory lock, so writers never interleave and every
 * instance notices a change with one single-row read.
 */
@ApplicationScoped
class KnowledgeStore {
    /** pg_advisory_xact_lock key of knowledge-base writes ("KnowBase" in ASCII). */
    private static final long WRITE_LOCK = 0x4b6e6f7742617365L;
    private static final int FETCH = 2000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;

    record Stored(int articles, int passages, int replaced) {
    }

    /** Passage vectors of one encoder, in id order. */
    record Vectors(long generation, long[] ids, float[] matrix, int dimension) {
    }

    /** A passage whose vector is another encoder's. */
    record Stale(long id, String title, String heading, String text) {
    }

    /** A passage as shown: its text and its article's title and url. */
    record Shown(long id, String title, String url, String text) {
    }

    /** Replaces the articles with the same keys, or adds them, with their passages and vectors: all or nothing (audited as {@code file}). */
    @Transactional
    Stored replace(List<Article> articles, List<List<Passages.Draft>> drafts, List<float[][]> vectors, String encoderId, String user,
                   String file) {
        int replaced = 0;
        int passages = 0;
        try (Connection c = dataSource.getConnection()) {
            lockAndBump(c);
            try (PreparedStatement delete = c.prepareStatement("delete from knowledge_articles where article_key = ?");
                 PreparedStatement article = c.prepareStatement("insert into knowledge_articles (article_key, title, url, format, source_name, "
                         + "body_chars, imported_by) values (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement passage = c.prepareStatement("insert into knowledge_passages (article_id, position, heading, text, "
                         + "encoder_id, vector) values (?, ?, ?, ?, ?, ?)")) {
                for (int a = 0; a < articles.size(); a++) {
                    Article in = articles.get(a);
                    delete.setString(1, in.key());
                    replaced += delete.executeUpdate();
                    article.setString(1, in.key());
                    article.setString(2, in.title());
                    article.setString(3, in.url());
                    article.setString(4, in.format());
                    article.setString(5, in.sourceName());
                    article.setInt(6, in.chars());
                    article.setString(7, user);
                    article.executeUpdate();
                    long id;
                    try (ResultSet key = article.getGeneratedKeys()) {
                        key.next();
                        id = key.getLong(1);
                    }
                    for (int p = 0; p < drafts.get(a).size(); p++) {
                        passage.setLong(1, id);
                        passage.setInt(2, p);
                        passage.setString(3, drafts.get(a).get(p).heading());
                        passage.setString(4, drafts.get(a).get(p).text());
                        passage.setString(5, encoderId);
                        passage.setBytes(6, dev.loopwise.model.Vectors.toBytes(vectors.get(a)[p]));
                        passage.addBatch();
                        passages++;
                    }
                    passage.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the imported articles", e);
        }
        audit.record(user, "knowledge.import", file, Map.of("articles", articles.size(), "passages", passages, "replaced", replaced));
        return new Stored(articles.size(), passages, replaced);
    }

    /** Deletes an article and its passages; false when there is no such article. */
    @Transactional
    boolean delete(long articleId, String user) {
        try (Connection c = dataSource.getConnection()) {
            lockAndBump(c);
            try (PreparedStatement delete = c.prepareStatement("delete from knowledge_articles where id = ? returning title")) {
                delete.setLong(1, articleId);
                try (ResultSet deleted = delete.executeQuery()) {
                    if (!deleted.next()) {
                        return false;
                    }
                    audit.record(user, "knowledge.delete", deleted.getString(1), Map.of("article", articleId));
                    return true;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete the article", e);
        }
    }

    /** Stores vectors of another encoder for passages that had stale ones. */
    @Transactional
    void reembedded(List<Stale> passages, float[][] vectors, String encoderId) {
        try (Connection c = dataSource.getConnection()) {
            lockAndBump(c);
            try (PreparedStatement update = c.prepareStatement("update knowledge_passages set vector = ?, encoder_id = ? where id = ?")) {
                for (int i = 0; i < passages.size(); i++) {
                    update.setBytes(1, dev.loopwise.model.Vectors.toBytes(vectors[i]));
                    update.setString(2, encoderId);
                    update.setLong(3, passages.get(i).id());
                    update.addBatch();
                }
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the passages' new vectors", e);
        }
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

    private static void lockAndBump(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_xact_lock(" + WRITE_LOCK + ")");
            s.executeUpdate("update knowledge_generation set generation = generation + 1 where id = 1");
        }
    }
}
