package dev.loopwise.knowledge;

import dev.loopwise.common.db.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** An imported article; its passages (and their vectors) are written in bulk by {@link KnowledgeStore} and read by {@link KnowledgeReader}. */
@Entity
@Table(name = "knowledge_articles")
public class KnowledgeArticle extends IdentityEntity {
    @Column(name = "article_key")
    public String key;
    public String title;
    public String url;
    public String format;
    @Column(name = "source_name")
    public String sourceName;
    @Column(name = "body_chars")
    public int bodyChars;
    @Column(name = "imported_by")
    public String importedBy;
    @Column(name = "imported_at")
    public OffsetDateTime importedAt;

    /** One page of the articles, most recently imported first, each with its number of passages. */
    public static List<ArticleSummary> page(int offset, int limit) {
        return page(null, offset, limit);
    }

    /**
     * {@code limit} articles with an id below {@code before} (null: from the newest) after skipping {@code offset}. Newest by
     * id is most recently imported: an import inserts its articles anew (a re-imported one replaces the old row), and imports
     * take turns (KnowledgeStore's lock); the id, unlike the import time, is unique, so it can say where a page ended.
     */
    @SuppressWarnings("unchecked")
    public static List<ArticleSummary> page(Long before, int offset, int limit) {
        Query query = getEntityManager().createNativeQuery("select a.id, a.title, a.url, a.format, a.source_name,"
                        + " (select count(*) from knowledge_passages p where p.article_id = a.id), a.imported_at, a.imported_by"
                        + " from knowledge_articles a" + (before == null ? "" : " where a.id < ?3") + " order by a.id desc limit ?1 offset ?2")
                .setParameter(1, limit).setParameter(2, offset);
        List<Object[]> rows = (before == null ? query : query.setParameter(3, before)).getResultList();
        return rows.stream().map(r -> new ArticleSummary(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).longValue(), toOffset(r[6]), (String) r[7])).toList();
    }

    /** Whether an article has an id of {@code id} or above: a page below it has newer ones. */
    public static boolean anyFrom(long id) {
        return !getEntityManager().createNativeQuery("select 1 from knowledge_articles where id >= ?1 limit 1").setParameter(1, id)
                .getResultList().isEmpty();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
