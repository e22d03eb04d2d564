package dev.loopwise.alignment.round;

import dev.loopwise.common.job.JobRowEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One alignment round: settings, progress, log, metrics, gates, outcome and lineage. */
@Entity
@Table(name = "alignment_rounds")
public class AlignmentRound extends JobRowEntity {
    public static final String PROMOTED = "promoted";
    public static final String REJECTED = "rejected";
    /** The gates could not decide on the data the round had: neither promoted nor rejected; collect more judgements. */
    public static final String NEEDS_EVIDENCE = "needs_evidence";
    /**
     * The active version changed while the round ran (an admin rolled back, another round promoted): its
     * candidate was compared with a version that no longer serves, so it is never promoted.
     */
    public static final String SUPERSEDED = "superseded";
    // CANCELLED (from JobRowEntity): an admin stopped it; nothing changed for customers.

    public String method;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> settings = new LinkedHashMap<>();
    public double progress;
    public String step;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> log = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metrics = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<RoundResult.Gate> gates = new ArrayList<>();
    public String reason;
    @Column(name = "base_version")
    public Integer baseVersion;
    @Column(name = "reference_version")
    public Integer referenceVersion;
    @Column(name = "candidate_version")
    public Integer candidateVersion;
    public boolean promoted;
    /**
     * The round's new judgements are the non-skipped ones with ids from {@code newFrom} to {@code newUpto}; the
     * older ones it replayed are listed in {@code round_replayed_judgements} (at most the replay size).
     */
    @Column(name = "new_from")
    public Long newFrom;
    @Column(name = "new_upto")
    public Long newUpto;
    /** The imported preference pairs the round read: ids from {@code importedFrom} to {@code importedUpto}, null when none. */
    @Column(name = "imported_from")
    public Long importedFrom;
    @Column(name = "imported_upto")
    public Long importedUpto;
    @Column(name = "new_judgements")
    public int newJudgements;
    @Column(name = "replayed_judgements")
    public int replayedJudgements;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> lineage = new LinkedHashMap<>();
    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    public boolean finished() {
        return status.equals(PROMOTED) || status.equals(REJECTED) || status.equals(NEEDS_EVIDENCE) || status.equals(SUPERSEDED)
                || status.equals(FAILED) || status.equals(CANCELLED);
    }

    /** Judgements the round read: its new ones and the older ones it replayed. */
    public int judgements() {
        return newJudgements + replayedJudgements;
    }

    public static List<AlignmentRound> newestFirst(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
