package dev.loopwise.security;

import dev.loopwise.common.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A REST client's credential. Only its SHA-256 hash is stored; it acts with its user's current roles. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends IdentityEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    public String name;

    @Column(name = "key_prefix")
    public String prefix;

    @Column(name = "key_hash")
    public String hash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** This key's own limit; null: the configured default, 0: none. */
    @Column(name = "requests_per_minute")
    public Integer requestsPerMinute;

    public static Optional<ApiKey> findActiveByHash(String hash) {
        return find("from ApiKey k join fetch k.user where k.hash = ?1 and k.revokedAt is null", hash)
                .firstResultOptional();
    }

    public static List<ApiKey> listForUser(User user) {
        return list("user = ?1 order by createdAt desc", user);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
