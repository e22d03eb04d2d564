package dev.loopwise.monitoring.replay;

import dev.loopwise.common.job.JobRowEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A replay of tickets through the answering pipeline, run in the background: its tickets until it ends, then its outcome. */
@Entity
@Table(name = "drift_replays")
public class DriftReplay extends JobRowEntity {

    /** Where the tickets came from, in the page's words (a file's name, or the demo's traffic). */
    public String source;

    /** The tickets to send, dropped when the replay ends. Lazy: a progress poll never reads them. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> texts;

    public int total;
    /** Tickets answered (or failed) so far. */
    public int sent;
    public int failed;
    @Column(name = "first_error")
    public String firstError;
    public int checks;
    public int alerts;
    public String error;


    /** The replays still queued or running, oldest first. */
    public static List<DriftReplay> open() {
        return find("status in ?1 order by id", List.of(QUEUED, RUNNING)).list();
    }

    /** Replays that ended in the last day, the latest to end first: their outcomes stay on the page until then. */
    public static List<DriftReplay> recentlyEnded(int limit) {
        return find("status in ?1 and finishedAt > ?2 order by finishedAt desc, id desc", List.of(SUCCEEDED, FAILED, CANCELLED),
                OffsetDateTime.now().minusDays(1)).page(0, limit).list();
    }
}
