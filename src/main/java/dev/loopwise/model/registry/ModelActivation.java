package dev.loopwise.model.registry;

import dev.loopwise.common.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** One change of the active version: which, from which, why, by whom. */
@Entity
@Table(name = "model_activations")
public class ModelActivation extends IdentityEntity {
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

    public static List<ModelActivation> recent(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
