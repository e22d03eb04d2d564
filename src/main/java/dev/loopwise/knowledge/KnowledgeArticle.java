package dev.loopwise.knowledge;

import dev.loopwise.common.db.DatabaseTimes;
import dev.loopwise.common.db.IdentityEntity;
import dev.loopwise.common.text.LikePattern;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * {@code limit} articles with an id below {@code before} (null: from the newest) after skipping {@code offset}, only those
     * whose title or file name holds {@code contains} when it is not null. Newest by id is most recently imported: an import
     * inserts its articles anew (a re-imported one replaces the old row), and imports take turns (KnowledgeStore's lock); the
     * id, unlike the import time, is unique, so it can say where a page ended.
     */
    @SuppressWarnings("unchecked")
    public static List<ArticleSummary> page(Long before, int offset, int limit, String contains) {
        Query query = getEntityManager().createNativeQuery(SUMMARY + where(before, contains) + " order by a.id desc limit :limit offset :offset")
                .setParameter("limit", limit).setParameter("offset", offset);
        List<Object[]> rows = bind(query, before, contains).getResultList();
        return rows.stream().map(KnowledgeArticle::summary).toList();
    }

    /** The article of id {@code id} as the list shows it, if there is one. */
    @SuppressWarnings("unchecked")
    public static Optional<ArticleSummary> summary(long id) {
        List<Object[]> rows = getEntityManager().createNativeQuery(SUMMARY + " where a.id = :id").setParameter("id", id).getResultList();
        return rows.stream().map(KnowledgeArticle::summary).findFirst();
    }

    private static final String SUMMARY = "select a.id, a.title, a.url, a.format, a.source_name,"
            + " (select count(*) from knowledge_passages p where p.article_id = a.id), a.imported_at, a.imported_by from knowledge_articles a";

    private static ArticleSummary summary(Object[] r) {
        return new ArticleSummary(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).longValue(), DatabaseTimes.toOffset(r[6]), (String) r[7]);
    }

    /** Whether an article of id {@code id} or above holds {@code contains} (null: any article): a page below it has newer ones. */
    public static boolean anyFrom(long id, String contains) {
        Query query = getEntityManager().createNativeQuery("select 1 from knowledge_articles a where a.id >= :before"
                + (contains == null ? "" : " and " + HOLDS) + " limit 1");
        return !bind(query, id, contains).getResultList().isEmpty();
    }

    /**
     * The articles whose title or file name holds {@code contains}, counted by the database up to {@code atMost}: a common
     * word held by most of thousands of articles would otherwise be counted by reading every one of them on every page.
     */
    public static long countHolding(String contains, long atMost) {
        Query query = getEntityManager().createNativeQuery("select count(*) from (select 1 from knowledge_articles a where " + HOLDS
                + " limit :atMost) held").setParameter("atMost", atMost);
        return ((Number) bind(query, null, contains).getSingleResult()).longValue();
    }

    /** Upper and lower case alike; a % or _ typed is looked for as it is. */
    private static final String HOLDS = "(a.title ilike :pattern escape '" + LikePattern.ESCAPE + "' or a.source_name ilike :pattern escape '"
            + LikePattern.ESCAPE + "')";

    private static String where(Long before, String contains) {
        List<String> conditions = new ArrayList<>();
        if (before != null) {
            conditions.add("a.id < :before");
        }
        if (contains != null) {
            conditions.add(HOLDS);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static Query bind(Query query, Long before, String contains) {
        if (before != null) {
            query.setParameter("before", before);
        }
        return contains == null ? query : query.setParameter("pattern", LikePattern.containing(contains));
    }
}
