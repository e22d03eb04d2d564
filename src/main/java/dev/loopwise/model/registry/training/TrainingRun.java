package dev.loopwise.model.registry.training;

import dev.loopwise.common.job.JobRowEntity;
import dev.loopwise.model.registry.version.ModelVersion;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One training of a model version, with its progress as it runs (shown as a progress bar). */
@Entity
@Table(name = "training_runs")
public class TrainingRun extends JobRowEntity {

    public double progress;
    public String step;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> settings = new LinkedHashMap<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "version_id")
    public ModelVersion version;

    public String error;


    public boolean finished() {
        return status.equals(SUCCEEDED) || status.equals(FAILED) || status.equals(CANCELLED);
    }

    /** The oldest training still waiting or in progress, if any: one runs at a time. */
    public static Optional<TrainingRun> oldestUnfinished() {
        return find("status in ?1 order by id", List.of(QUEUED, RUNNING)).firstResultOptional();
    }

    public static List<TrainingRun> recent(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
