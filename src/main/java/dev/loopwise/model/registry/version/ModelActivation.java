package dev.loopwise.model.registry.version;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.db.IdentityEntity;
import dev.loopwise.common.job.AdvisoryLock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** One change of the active version: which, from which, why, by whom. */
@Entity
@Table(name = "model_activations")
public class ModelActivation extends IdentityEntity {
    /** pg_advisory_xact_lock key of active-version switches ("ModelSwc" in ASCII). */
    static final long SWITCH_LOCK = 0x4d6f64656c537763L;

    public int version;

    @Column(name = "previous_version")
    public Integer previousVersion;

    public String reason;
    public String actor;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    static void record(int version, Integer previous, String reason, String actor) {
        ModelActivation activation = new ModelActivation();
        activation.version = version;
        activation.previousVersion = previous;
        activation.reason = reason;
        activation.actor = actor;
        activation.persist();
    }

    /**
     * Makes {@code target} the active version if {@code expected} still is (none active when null), and records
     * why: a compare-and-set, so a switch decided on an older view of the registry (a round that compared with
     * its base, an admin's page) never undoes a switch made meanwhile. Call it inside a transaction; false
     * when the active version is no longer {@code expected}, and then nothing changed.
     */
    public static boolean swap(int target, Integer expected, String reason, String actor) {
        ModelVersion.getEntityManager().flush();
        // With nothing active there is no row to lock: two first switches (two admins, or an admin and the first
        // training) would both see none and the second would break the single-active index. Switches take turns.
        takeTurnWithSwitches();
        if (ModelVersion.count("version = ?1 and weightsRemovedAt is not null", target) > 0) {
            // Retention removed them after the caller loaded the version to check that it can serve.
            throw ApiException.conflict("weights_removed", LifecycleMessages.weightsRemoved(target));
        }
        if (expected == null) {
            if (ModelVersion.count("status", ModelVersion.ACTIVE) > 0) {
                return false;
            }
        } else if (ModelVersion.update("status = ?1 where status = ?2 and version = ?3", ModelVersion.RETIRED, ModelVersion.ACTIVE,
                expected) == 0) {
            return false; // another switch retired it first (the row lock made this statement wait for it, then see it)
        }
        ModelVersion.update("status = ?1, activatedAt = ?2 where version = ?3", ModelVersion.ACTIVE, OffsetDateTime.now(), target);
        record(target, expected, reason, actor);
        // Delivered at commit, to every instance listening (ActiveVersionListener): they switch within a second.
        // Straight on the transaction's connection: NOTIFY takes no bind parameters (the payload is a version number).
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("NOTIFY " + ActiveVersionListener.CHANNEL + ", '" + target + "'");
            }
        });
        return true;
    }

    /** Waits for switches of the active version in flight; later ones wait for this transaction to end. */
    static void takeTurnWithSwitches() {
        AdvisoryLock.forTransaction(ModelVersion.getEntityManager(), SWITCH_LOCK);
    }

    /** The latest change that made {@code version} the active one, if any did. */
    public static Optional<ModelActivation> newestOf(int version) {
        return find("version = ?1 order by id desc", version).<ModelActivation>page(0, 1).firstResultOptional();
    }

    public static List<ModelActivation> recent(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
