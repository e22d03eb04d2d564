package dev.loopwise.model.registry.version;

import dev.loopwise.common.RetentionMessages;
import dev.loopwise.common.db.RetentionRuns;
import dev.loopwise.common.runtime.ApplicationStopping;
import io.agroal.api.AgroalDataSource;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Every training and round stores a version's weights, and a fine-tune its tuned encoder layers (40–85 MB), so without a
 * limit the database grows with every version ever made. Versions older than the newest {@link VersionsConfig#keepWeights()}
 * lose their weights unless something may still need them; the row, its figures and lineage stay for history. Tuned
 * layers go once no version that keeps its weights reads them.
 */
@ApplicationScoped
public class VersionRetention {
    private static final Logger LOG = Logger.getLogger(VersionRetention.class);
    /** Versions cleared per transaction: each may hold megabytes of weights. */
    static final int BATCH = 20;

    /**
     * Only a version that no longer serves and is not a candidate; not the one that served before the active one (the
     * first place to roll back to); not one reviewers compare, not one a round in progress
     * (or waiting for judgements) started from, compares or holds its candidate close to, and not one a kept version holds
     * its candidates close to (a round on it reads that policy). Versions cleared in the same statement still count as
     * kept for the last rule; the next batch sees them cleared.
     */
    private static final String REMOVE_WEIGHTS = """
            update model_versions set parameters = null, weights_removed_at = now()
            where id in (select v.id from model_versions v
              where v.weights_removed_at is null and v.status in ('retired', 'rejected') and not v.under_review
                and v.version < (select coalesce(min(n.version), 0) from (select version from model_versions
                                                                            order by version desc limit ?) n)
                and not exists (select 1 from model_versions k where k.weights_removed_at is null
                                  and k.lineage ->> 'referenceVersion' = v.version::text)
                and v.version is distinct from (select a.previous_version from model_activations a order by a.id desc limit 1)
                and not exists (select 1 from alignment_rounds r where r.status in ('queued', 'running', 'needs_evidence')
                                  and v.version in (r.base_version, r.reference_version, r.candidate_version))
              order by v.version limit ?)""";

    /** A day's grace: a training stores its tuned layers before the version that reads them. */
    private static final String REMOVE_TUNED_LAYERS = """
            delete from tuned_encoders t where t.created_at < now() - interval '1 day'
              and not exists (select 1 from model_versions v where v.weights_removed_at is null
                                and v.encoder_id like '%+ft:' || t.hash_prefix)""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    VersionsConfig config;
    @Inject
    RetentionRuns runs;

    /** What one pass removed. */
    public record Removed(int versions, int tunedEncoders) {
    }

    @Scheduled(identity = "version-retention", every = "6h", delayed = "23m", skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        if (config.keepWeights() == 0) {
            runs.record("model-weights", RetentionMessages.keptAll("LOOPWISE_MODEL_VERSIONS_KEEP_WEIGHTS"));
            return;
        }
        Removed removed;
        try (Connection c = dataSource.getConnection()) {
            removed = keepNewest(c, config.keepWeights());
        } catch (SQLException | RuntimeException e) {
            runs.record("model-weights", RetentionMessages.failed(String.valueOf(e.getMessage())));
            throw new IllegalStateException("Could not remove the weights of old model versions", e);
        }
        runs.record("model-weights", RetentionMessages.weights(removed.versions(), removed.tunedEncoders(), config.keepWeights()));
        if (removed.versions() > 0 || removed.tunedEncoders() > 0) {
            LOG.infof("Model versions: removed the weights of %d versions older than the newest %d, and %d unused tuned encoders",
                    removed.versions(), config.keepWeights(), removed.tunedEncoders());
        }
    }

    /**
     * Removes the weights of versions older than the newest {@code keep} that nothing needs, a batch per transaction, then
     * the tuned layers no kept version reads; the connection's schema is the one cleared.
     */
    public static Removed keepNewest(Connection c, int keep) throws SQLException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one version, not " + keep);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement removeWeights = c.prepareStatement(REMOVE_WEIGHTS);
             PreparedStatement removeLayers = c.prepareStatement(REMOVE_TUNED_LAYERS);
             Statement lock = c.createStatement()) {
            removeWeights.setInt(1, keep);
            removeWeights.setInt(2, BATCH);
            int versions = 0;
            int batch;
            do {
                // Taking turns with switches of the active version: a rollback that already checked its target's weights
                // switches to it before this statement runs, and this statement then leaves the active version alone.
                lock.execute("select pg_advisory_xact_lock(" + ModelActivation.SWITCH_LOCK + ")");
                batch = removeWeights.executeUpdate();
                c.commit();
                versions += batch;
            } while (batch > 0); // until nothing is left: a version cleared can free the one it held close
            int tuned = removeLayers.executeUpdate();
            c.commit();
            return new Removed(versions, tuned);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
