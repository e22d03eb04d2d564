package dev.loopwise.knowledge;

import dev.loopwise.common.job.JobRowEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** A knowledge file being imported in the background: its file until it is done, then its outcome. */
@Entity
@Table(name = "knowledge_imports")
public class KnowledgeImport extends JobRowEntity {

    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    public String url;

    /** The uploaded file, dropped when the import ends. Lazy: a progress poll never reads megabytes. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    /** Passages the file splits into, and how many are embedded so far. */
    public int passages;
    @Column(name = "passages_done")
    public int passagesDone;

    public Integer articles;
    public Integer replaced;
    /** What the import did, in a sentence, once it succeeded. */
    public String summary;
    public String error;



    /** Share of the passages embedded, 0–1. */
    public double getProgress() {
        return passages == 0 ? 0 : Math.min(1, passagesDone / (double) passages);
    }

    /** The imports still queued or running, oldest first. */
    public static List<KnowledgeImport> open() {
        return find("status in ?1 order by id", List.of(QUEUED, RUNNING)).list();
    }

    /** Imports that ended in the last day, the latest to end first: their outcomes stay on the page until then. */
    public static List<KnowledgeImport> recentlyEnded(int limit) {
        return find("status in ?1 and finishedAt > ?2 order by finishedAt desc, id desc", List.of(SUCCEEDED, FAILED, CANCELLED),
                OffsetDateTime.now().minusDays(1)).page(0, limit).list();
    }
}
