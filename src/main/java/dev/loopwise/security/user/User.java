package dev.loopwise.security.user;

import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.db.IdentityEntity;
import dev.loopwise.security.Role;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A person who logs in to the browser UI; Quarkus' JPA identity provider checks the bcrypt hash at login. */
@Entity
@Table(name = "users")
@UserDefinition
public class User extends IdentityEntity {
    /**
     * pg_advisory lock key ("Accounts" in ASCII) that every account write holds until it commits: a check that a
     * username is free, or that no admin exists yet, stays true until the account it allowed is written.
     */
    static final long WRITE_LOCK = 0x4163636f756e7473L;

    @Username
    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String roles;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    /** Set when an admin disabled the account; null while it may sign in. */
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    /** Sessions signed in before this instant are over (logout, password or role change); null: none ended yet. */
    @Column(name = "sessions_valid_from")
    public OffsetDateTime sessionsValidFrom;

    /** Waits for the account write in flight (if any) and makes the next one wait until this transaction ends. */
    public static void lockAccountWrites() {
        AdvisoryLock.forTransaction(getEntityManager(), WRITE_LOCK);
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static List<User> listByName() {
        return list("order by username");
    }

    public static long countAdmins() {
        return count("roles like ?1", "%" + Role.ADMIN + "%");
    }

    /** The enabled admins, locked until the transaction ends so that concurrent changes to admins queue up. */
    public static List<User> lockEnabledAdmins() {
        return find("roles like ?1 and disabledAt is null", "%" + Role.ADMIN + "%")
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public static Optional<User> findEnabled(String username) {
        return findByUsername(username).filter(User::isEnabled);
    }

    public Set<String> roleSet() {
        return Role.parse(roles);
    }

    public boolean isEnabled() {
        return disabledAt == null;
    }

    public boolean isAdmin() {
        return roleSet().contains(Role.ADMIN);
    }

    public void setPassword(String plain) {
        passwordHash = NewAccount.hash(plain);
    }
}
