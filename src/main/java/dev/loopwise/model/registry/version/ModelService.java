package dev.loopwise.model.registry.version;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Changes which version serves. A switch is one transaction (the partial unique index guarantees a
 * single active version), recorded with its reason; every instance picks it up within seconds.
 */
@ApplicationScoped
public class ModelService {
    @Inject
    AuditLog audit;
    public static final String PROMOTE = "promote";
    public static final String ROLLBACK = "rollback";
    public static final String FIRST_MODEL = "first model";

    @Inject
    ModelRegistry registry;

    /** Makes a version that is not active the active one. */
    public ModelVersion promote(int version, String actor) {
        return promote(version, actor, PROMOTE);
    }

    /**
     * The same, only if {@code expectedActive} (when given) is still the active version: a caller that decided on what it
     * saw must not undo a switch made meanwhile by someone else.
     */
    public ModelVersion promote(int version, String actor, Integer expectedActive) {
        return switchTo(version, PROMOTE, actor, false, expectedActive);
    }

    /** The same, recording why (an alignment round names itself). */
    public ModelVersion promote(int version, String actor, String reason) {
        return switchTo(version, reason, actor, false, null);
    }

    /** Returns to a version that served before ({@code expectedActive} as for {@link #promote(int, String, Integer)}). */
    public ModelVersion rollback(int version, String actor) {
        return rollback(version, actor, null);
    }

    public ModelVersion rollback(int version, String actor, Integer expectedActive) {
        return switchTo(version, ROLLBACK, actor, true, expectedActive);
    }

    /** Promotions and rollbacks alike: only to a version that can serve, and the registry then serves it. */
    private ModelVersion switchTo(int version, String reason, String actor, boolean rollback, Integer expectedActive) {
        requireServable(version);
        ModelVersion switched = activate(version, reason, actor, rollback, expectedActive);
        registry.reload();
        return switched;
    }

    /** A version whose encoder cannot be loaded any more stays where it is, rather than leave nothing serving. */
    private void requireServable(int version) {
        try {
            registry.load(version);
        } catch (NoSuchElementException unknown) {
            // activate answers 404 for it
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw ApiException.conflict("encoder_unavailable", LifecycleMessages.cannotServe(version, e.getMessage()));
        }
    }

    @Transactional
    ModelVersion activate(int version, String reason, String actor, boolean mustHaveServed, Integer expectedActive) {
        ModelVersion target = ModelVersion.findByVersion(version)
                .orElseThrow(() -> ApiException.notFound(LifecycleMessages.noVersion(version)));
        if (target.status.equals(ModelVersion.ACTIVE)) {
            throw ApiException.conflict("already_active", LifecycleMessages.alreadyActive(version));
        }
        if (mustHaveServed && target.activatedAt == null) {
            throw ApiException.conflict("never_served", LifecycleMessages.neverServed(version));
        }
        Integer previous = ModelVersion.findActive().map(v -> v.version).orElse(null);
        if (expectedActive != null && !expectedActive.equals(previous)) {
            throw ApiException.conflict("active_changed", LifecycleMessages.activeNotAsSeen(version, expectedActive, previous));
        }
        if (previous != null && previous == version) {
            // Another switch made it active between the two reads: a swap with itself would be recorded as a change.
            throw ApiException.conflict("already_active", LifecycleMessages.alreadyActive(version));
        }
        if (!ModelActivation.swap(version, previous, reason, actor)) {
            // The same switch asked twice at once (a double click, two admins): the later one is told it is done already,
            // not that something else changed and to try again.
            if (ModelVersion.count("status = ?1 and version = ?2", ModelVersion.ACTIVE, version) > 0) {
                throw ApiException.conflict("already_active", LifecycleMessages.alreadyActive(version));
            }
            throw ApiException.conflict("active_changed", LifecycleMessages.activeChanged(version));
        }
        ModelVersion.getEntityManager().refresh(target);
        audit.record(actor, mustHaveServed ? "model.rollback" : "model.promote", "model version " + version,
                previous == null ? Map.of("reason", reason) : Map.of("reason", reason, "previousVersion", previous));
        return target;
    }
}
