package dev.loopwise.knowledge;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.model.Vectors;
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
import java.util.List;
import java.util.Map;

/**
 * Writes of articles and passage vectors in PostgreSQL, in JDBC batches ({@link KnowledgeReader} reads them). Every
 * write bumps the knowledge generation in the same transaction, under one advisory lock, so writers never interleave
 * and every instance notices a change with one single-row read.
 */
@ApplicationScoped
class KnowledgeStore {
    /** pg_advisory_xact_lock key of knowledge-base writes ("KnowBase" in ASCII). */
    private static final long WRITE_LOCK = 0x4b6e6f7742617365L;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;

    /** {@code sharedTitles}: titles of imported articles that another article, under another id or address, has too. */
    record Stored(int articles, int passages, int replaced, List<String> sharedTitles, List<Long> ids) {
    }

    /** Replaces the articles with the same keys, or adds them, with their passages and vectors: all or nothing (audited as {@code file}). */
    @Transactional
    Stored replace(List<Article> articles, List<List<Passages.Draft>> drafts, List<float[][]> vectors, String encoderId, String user,
                   String file) {
        int replaced = 0;
        int passages = 0;
        List<Long> ids = new ArrayList<>();
        List<String> sharedTitles;
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
                    ids.add(id);
                    for (int p = 0; p < drafts.get(a).size(); p++) {
                        passage.setLong(1, id);
                        passage.setInt(2, p);
                        passage.setString(3, drafts.get(a).get(p).heading());
                        passage.setString(4, drafts.get(a).get(p).text());
                        passage.setString(5, encoderId);
                        passage.setBytes(6, Vectors.toBytes(vectors.get(a)[p]));
                        passage.addBatch();
                        passages++;
                    }
                    passage.executeBatch();
                }
            }
            sharedTitles = sharedTitles(c, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the imported articles", e);
        }
        audit.record(user, "knowledge.import", file, Map.of("articles", articles.size(), "passages", passages, "replaced", replaced));
        return new Stored(articles.size(), passages, replaced, sharedTitles, ids);
    }

    /**
     * An article replaces only the one with its key (id, else address, else title), so the same article exported once with
     * an address and once without, or two pages of one title, stand side by side; the admin is told, as both would be found.
     */
    private static List<String> sharedTitles(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement shared = c.prepareStatement("select distinct i.title from knowledge_articles i join knowledge_articles o"
                + " on o.id <> i.id and lower(regexp_replace(btrim(o.title), '\\s+', ' ', 'g'))"
                + " = lower(regexp_replace(btrim(i.title), '\\s+', ' ', 'g')) where i.id = any(?) order by i.title")) {
            shared.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<String> titles = new ArrayList<>();
            try (ResultSet rows = shared.executeQuery()) {
                while (rows.next()) {
                    titles.add(rows.getString(1));
                }
            }
            return titles;
        }
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
    void reembedded(List<KnowledgeReader.Stale> passages, float[][] vectors, String encoderId) {
        try (Connection c = dataSource.getConnection()) {
            lockAndBump(c);
            try (PreparedStatement update = c.prepareStatement("update knowledge_passages set vector = ?, encoder_id = ? where id = ?")) {
                for (int i = 0; i < passages.size(); i++) {
                    update.setBytes(1, Vectors.toBytes(vectors[i]));
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


    private static void lockAndBump(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_xact_lock(" + WRITE_LOCK + ")");
            s.executeUpdate("update knowledge_generation set generation = generation + 1 where id = 1");
        }
    }
}
