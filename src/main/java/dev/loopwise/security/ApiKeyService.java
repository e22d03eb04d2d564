package dev.loopwise.security;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Hashing;
import dev.loopwise.common.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

/** Issues, checks and revokes API keys. A key is shown once, when created; afterwards only its prefix is known. */
@ApplicationScoped
public class ApiKeyService {
    static final String KEY_PREFIX = "lw_";
    private static final int PREFIX_LENGTH = 11;
    /** Recording every use would turn each API read into a write; a minute's precision is enough to spot stale keys. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private final SecureRandom random = new SecureRandom();

    public record CreatedKey(ApiKey key, String secret) {
    }

    @Transactional
    public CreatedKey create(String username, String name) {
        User user = User.findByUsername(username)
                .orElseThrow(() -> ApiException.badRequest("unknown_user", Messages.unknownUser(username)));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey();
        key.user = user;
        key.name = name == null || name.isBlank() ? "API key" : name.strip();
        key.prefix = secret.substring(0, PREFIX_LENGTH);
        key.hash = Hashing.sha256Hex(secret);
        key.createdAt = OffsetDateTime.now();
        key.persist();
        return new CreatedKey(key, secret);
    }

    /** The key's user, if the key exists and is not revoked. */
    @Transactional
    public Optional<User> authenticate(String secret) {
        if (secret == null || !secret.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return ApiKey.findActiveByHash(Hashing.sha256Hex(secret)).filter(key -> key.user.isEnabled()).map(key -> {
            OffsetDateTime now = OffsetDateTime.now();
            if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                key.lastUsedAt = now;
            }
            return key.user;
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
        }
        return key;
    }
}
