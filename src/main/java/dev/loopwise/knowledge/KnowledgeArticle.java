package dev.loopwise.knowledge;

import dev.loopwise.common.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An imported article; its passages (and their vectors) are written and read in bulk by {@link KnowledgeStore}. */
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

    /** Most recently imported first, each with its number of passages. */
    @SuppressWarnings("unchecked")
    public static List<ArticleSummary> listWithPassageCounts() {
        List<KnowledgeArticle> articles = list("order by importedAt desc, id desc");
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) getEntityManager().createNativeQuery(
                "select article_id, count(*) from knowledge_passages group by article_id").getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return articles.stream().map(a -> new ArticleSummary(a.id, a.title, a.url, a.format, a.sourceName,
                counts.getOrDefault(a.id, 0L), a.importedAt, a.importedBy)).toList();
    }
}
