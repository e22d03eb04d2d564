package dev.loopwise.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Features record their admin actions here. Recording requires the action's own transaction
 * ({@link TxType#MANDATORY}): the entry and the change commit together or not at all. This package
 * knows no feature; features name their actions in plain {@code area.verb} codes.
 */
@ApplicationScoped
public class AuditLog {
    /** The actor of what no signed-in person did: start-up, the command line, a scheduled job. */
    public static final String SYSTEM = "system";

    @Inject
    CurrentIdentityAssociation identities;

    /** Records an action by whoever is making the current request. */
    @Transactional(TxType.MANDATORY)
    public void record(String action, String target, Map<String, ?> details) {
        record(currentActor(), action, target, details);
    }

    /** Records an action by a named actor (work that carries on after its request, e.g. a round that promotes). */
    @Transactional(TxType.MANDATORY)
    public void record(String actor, String action, String target, Map<String, ?> details) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = OffsetDateTime.now();
        event.actor = actor == null || actor.isBlank() ? SYSTEM : actor;
        event.action = action;
        event.target = target.length() > 256 ? target.substring(0, 256) : target;
        event.details = details == null ? new LinkedHashMap<>() : new LinkedHashMap<>(details);
        event.persist();
    }

    /** The signed-in caller of the current request, or {@link #SYSTEM} outside any request. */
    public String currentActor() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = identities.getIdentity();
        return identity == null || identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
    }
}
