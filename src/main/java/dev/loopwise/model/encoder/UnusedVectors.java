package dev.loopwise.model.encoder;

import dev.loopwise.common.runtime.ApplicationStopping;
import io.agroal.api.AgroalDataSource;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deletes the cached vectors of encoders nothing uses any more. Every fine-tuned version has an encoder of its own,
 * and each keeps a vector per text it read, so without this the cache would grow with every version ever trained.
 * An encoder is kept while the workspace trains on it or a version on it is active, a candidate, or younger than
 * {@code LOOPWISE_MODEL_ENCODER_UNUSED_VECTOR_DAYS}; the cache is only a cache: a version brought back re-encodes.
 */
@ApplicationScoped
public class UnusedVectors {
    private static final Logger LOG = Logger.getLogger(UnusedVectors.class);
    /** Rows deleted per statement, so no single transaction holds a large part of the table. */
    static final int BATCH = 10_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EncoderConfig config;
    @Inject
    EncoderService encoders;

    @Scheduled(identity = "unused-vectors", every = "6h", delayed = "11m", skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        if (config.unusedVectorDays() > 0) {
            forget(config.unusedVectorDays());
        }
    }

    /** Deletes the vectors of every encoder not kept, versions younger than {@code days} keeping theirs; returns how many rows went. */
    public long forget(int days) {
        long deleted = 0;
        try (Connection c = dataSource.getConnection()) {
            for (String encoderId : unused(c, days)) {
                long before = deleted;
                try (PreparedStatement delete = c.prepareStatement("delete from embeddings where ctid in "
                        + "(select ctid from embeddings where encoder_id = ? limit " + BATCH + ")")) {
                    delete.setString(1, encoderId);
                    for (int n = delete.executeUpdate(); n > 0; n = delete.executeUpdate()) {
                        deleted += n;
                    }
                }
                LOG.infof("Deleted %d stored vectors of %s, which no model version uses any more", deleted - before, encoderId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete the vectors of unused encoders", e);
        }
        return deleted;
    }

    /** Encoders with stored vectors, found by walking the key's first column (a few index probes, not a table scan). */
    private List<String> unused(Connection c, int days) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                with recursive stored as (
                    select min(encoder_id) as id from embeddings
                    union all
                    select (select min(encoder_id) from embeddings where encoder_id > stored.id) from stored where stored.id is not null)
                select id from stored where id is not null and id <> ?
                  and not exists (select 1 from model_versions v where v.encoder_id = stored.id
                                  and (v.status in ('active', 'candidate') or v.created_at > now() - ? * interval '1 day'))""")) {
            q.setString(1, encoders.workspaceEncoder().id());
            q.setInt(2, Math.max(0, days));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        }
        return out;
    }
}
