package dev.loopwise.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        event.target = clip(target);
        event.details = details == null ? new LinkedHashMap<>() : new LinkedHashMap<>(details);
        event.persist();
    }

    /**
     * The same entry written on a plain connection, inside the caller's transaction: the command line's direct path
     * records its actions this way without starting the application (the actor is {@link #SYSTEM}, as for any command).
     */
    public static void recordDirect(Connection connection, String action, String target, Map<String, ?> details) throws SQLException {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain values: " + details, e);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_events (occurred_at, actor, action, target, details) values (?, ?, ?, ?, ?::jsonb)")) {
            insert.setObject(1, OffsetDateTime.now());
            insert.setString(2, SYSTEM);
            insert.setString(3, action);
            insert.setString(4, clip(target));
            insert.setString(5, json);
            insert.executeUpdate();
        }
    }

    private static String clip(String target) {
        return target.length() > 256 ? target.substring(0, 256) : target;
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
