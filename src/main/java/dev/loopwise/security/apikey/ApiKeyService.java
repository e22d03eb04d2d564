package dev.loopwise.security.apikey;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.security.NewApiKey;
import dev.loopwise.security.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Issues, checks and revokes API keys. A key is shown once, when created; afterwards only its prefix is known. */
@ApplicationScoped
public class ApiKeyService {
    @Inject
    AuditLog audit;
    /** Recording every use would turn each API read into a write; a minute's precision is enough to spot stale keys. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Inject
    ApiKeyRateLimiter limiter;

    public record CreatedKey(ApiKey key, String secret) {
    }

    /** A key that authenticated: its user, and what counting this request against its limit found. */
    public record KeyUse(User user, long keyId, ApiKeyRateLimiter.Verdict limit) {
    }

    @Transactional
    public CreatedKey create(String username, String name) {
        return create(username, name, null);
    }

    /** {@code requestsPerMinute}: the key's own limit (0: none); null takes the configured default. */
    @Transactional
    public CreatedKey create(String username, String name, Integer requestsPerMinute) {
        return create(username, name, null, requestsPerMinute);
    }

    /**
     * As {@link #create(String, String, Integer)}; {@code unnamed}: the name of a key asked for without one (null: "API
     * key"), numbered when the account has a key of that name in use. A name given that one of its keys in use has: 409.
     */
    @Transactional
    public CreatedKey create(String username, String name, String unnamed, Integer requestsPerMinute) {
        NewApiKey issued = NewApiKey.issue(name, requestsPerMinute);
        User user = User.findByUsername(username)
                .orElseThrow(() -> ApiException.badRequest("unknown_user", AccountMessages.unknownUser(username)));
        if (!user.isEnabled()) {
            throw ApiException.conflict("account_disabled", AccountMessages.keyForDisabledAccount(username));
        }
        // The account's row is the lock: two keys asked for at once would each find the name free.
        User.getEntityManager().lock(user, LockModeType.PESSIMISTIC_WRITE);
        Set<String> active = ApiKey.<ApiKey>list("user = ?1 and revokedAt is null", user).stream()
                .map(k -> k.name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        ApiKey key = new ApiKey();
        key.user = user;
        key.name = NewApiKey.nameAmong(name, unnamed, active, username);
        key.prefix = issued.prefix();
        key.hash = issued.hash();
        key.createdAt = OffsetDateTime.now();
        key.requestsPerMinute = issued.requestsPerMinute();
        key.persist();
        audit.record("key.create", NewApiKey.auditTarget(key.prefix, user.username), NewApiKey.auditDetails(key.name, key.requestsPerMinute));
        return new CreatedKey(key, issued.secret());
    }

    /** The key's user, if the key exists and is not revoked; the request is counted against the key's limit. */
    @Transactional
    public Optional<KeyUse> authenticate(String secret) {
        if (secret == null || !secret.startsWith(NewApiKey.KEY_PREFIX)) {
            return Optional.empty();
        }
        return ApiKey.findActiveByHash(Hashing.sha256Hex(secret)).filter(key -> key.user.isEnabled()).map(key -> {
            OffsetDateTime now = OffsetDateTime.now();
            if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                // One column: the whole key written back would undo a revocation made since it was read.
                ApiKey.update("lastUsedAt = ?1 where id = ?2", now, key.id);
            }
            return new KeyUse(key.user, key.id, limiter.count(key));
        });
    }

    /** Revokes a key of the acting user; admins may revoke anyone's. Revoking twice is harmless. */
    @Transactional
    public ApiKey revoke(long id, String actingUsername, boolean actorIsAdmin) {
        return revoke(id, actingUsername, actorIsAdmin, null);
    }

    /** The key, if it is the acting user's own, or the actor is an admin; otherwise 404, as for revoking it. */
    public ApiKey find(long id, String actingUsername, boolean actorIsAdmin) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(Messages.notFound("API key", id)));
        if (!key.user.username.equals(actingUsername) && !actorIsAdmin) {
            throw ApiException.notFound(Messages.notFound("API key", id));
        }
        return key;
    }

    /** As {@link #revoke(long, String, boolean)}, for a key that must belong to the account {@code ownerId} (null: any). */
    @Transactional
    public ApiKey revoke(long id, String actingUsername, boolean actorIsAdmin, Long ownerId) {
        // Read locked: a second revocation at the same moment waits, finds the key revoked and records nothing more.
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound(Messages.notFound("API key", id)));
        if (!key.user.username.equals(actingUsername) && !actorIsAdmin || ownerId != null && !key.user.id.equals(ownerId)) {
            // Someone else's key is reported as absent: its existence is none of this user's business.
            throw ApiException.notFound(Messages.notFound("API key", id));
        }
        if (key.revokedAt == null) {
            key.revokedAt = OffsetDateTime.now();
            audit.record("key.revoke", NewApiKey.auditTarget(key.prefix, key.user.username), NewApiKey.auditDetails(key.name, key.requestsPerMinute));
        }
        return key;
    }
}
