package dev.loopwise.security;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Hashing;
import dev.loopwise.common.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Issues, checks and revokes API keys. A key is shown once, when created; afterwards only its prefix is known. */
@ApplicationScoped
public class ApiKeyService {
    @Inject
    AuditLog audit;
    static final String KEY_PREFIX = "lw_";
    private static final int PREFIX_LENGTH = 11;
    /** Recording every use would turn each API read into a write; a minute's precision is enough to spot stale keys. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

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
        if (requestsPerMinute != null && requestsPerMinute < 0) {
            throw ApiException.badRequest("validation_failed", "requestsPerMinute must be 0 (no limit) or more.");
        }
        User user = User.findByUsername(username)
                .orElseThrow(() -> ApiException.badRequest("unknown_user", Messages.unknownUser(username)));
        String secret = KEY_PREFIX + randomSecret();
        ApiKey key = new ApiKey();
        key.user = user;
        key.name = name == null || name.isBlank() ? "API key" : name.strip();
        key.prefix = secret.substring(0, PREFIX_LENGTH);
        key.hash = Hashing.sha256Hex(secret);
        key.createdAt = OffsetDateTime.now();
        key.requestsPerMinute = requestsPerMinute;
        key.persist();
        audit.record("key.create", "API key " + key.prefix + "… of " + user.username, details(key));
        return new CreatedKey(key, secret);
    }

    private static Map<String, Object> details(ApiKey key) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("name", key.name);
        if (key.requestsPerMinute != null) {
            details.put("requestsPerMinute", key.requestsPerMinute);
        }
        return details;
    }

    /** 256 random bits, URL-safe. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The key's user, if the key exists and is not revoked; the request is counted against the key's limit. */
    @Transactional
    public Optional<KeyUse> authenticate(String secret) {
        if (secret == null || !secret.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return ApiKey.findActiveByHash(Hashing.sha256Hex(secret)).filter(key -> key.user.isEnabled()).map(key -> {
            OffsetDateTime now = OffsetDateTime.now();
            if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                key.lastUsedAt = now;
            }
            return new KeyUse(key.user, key.id, limiter.count(key));
        });
    }

    /** Revokes a key of the acting user; admins may revoke anyone's. Revoking twice is harmless. */
    @Transactional
    public ApiKey revoke(long id, String actingUsername, boolean actorIsAdmin) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound(Messages.notFound("API key", id)));
        if (!key.user.username.equals(actingUsername) && !actorIsAdmin) {
            // Someone else's key is reported as absent: its existence is none of this user's business.
            throw ApiException.notFound(Messages.notFound("API key", id));
        }
        if (key.revokedAt == null) {
            key.revokedAt = OffsetDateTime.now();
            audit.record("key.revoke", "API key " + key.prefix + "… of " + key.user.username, details(key));
        }
        return key;
    }
}
