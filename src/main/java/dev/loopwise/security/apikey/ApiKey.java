package dev.loopwise.security.apikey;

import dev.loopwise.common.db.IdentityEntity;
import dev.loopwise.security.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Revoked keys the account page lists, the newest; older ones are counted there and listed by the API. */
    public static final int REVOKED_LISTED = 10;

    /** One page of the account's keys, newest first, below the key {@code before} (null: from the newest). */
    public static List<ApiKey> pageForUser(User user, Long before, long offset, int fetch) {
        return (before == null ? find("user = ?1 order by id desc", user) : find("user = ?1 and id < ?2 order by id desc", user, before))
                .<ApiKey>range((int) offset, (int) offset + fetch - 1).list();
    }

    /**
     * What the account page lists: every key still in use (each can be revoked there) and the newest revoked ones, newest first.
     * Revoked keys pile up as keys are rotated; the page reads {@link #REVOKED_LISTED} of them however many there are.
     */
    public static List<ApiKey> listedForUser(User user) {
        List<ApiKey> keys = new ArrayList<>(list("user = ?1 and revokedAt is null order by id desc", user));
        keys.addAll(find("user = ?1 and revokedAt is not null order by id desc", user).<ApiKey>page(0, REVOKED_LISTED).list());
        keys.sort(Comparator.comparing((ApiKey key) -> key.id).reversed());
        return keys;
    }

    /**
     * The keys still in use of each of these accounts, newest first, in one query: the Users page lists every account
     * with its keys, and a query per account grew with the team.
     */
    public static Map<Long, List<ApiKey>> activeByUser(List<User> users) {
        Map<Long, List<ApiKey>> keys = new HashMap<>();
        users.forEach(user -> keys.put(user.id, new ArrayList<>()));
        if (!users.isEmpty()) {
            ApiKey.<ApiKey>list("user in ?1 and revokedAt is null order by createdAt desc, id desc", users)
                    .forEach(key -> keys.get(key.user.id).add(key));
        }
        return keys;
    }

    public static long countRevoked(User user) {
        return count("user = ?1 and revokedAt is not null", user);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
