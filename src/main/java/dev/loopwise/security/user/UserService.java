package dev.loopwise.security.user;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.security.Role;
import dev.loopwise.security.RoleNames;
import dev.loopwise.security.SecurityConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates and changes accounts and keeps the rules every account obeys in one place. */
@ApplicationScoped
public class UserService {
    @Inject
    AuditLog audit;

    @Inject
    SecurityConfig config;
    @Inject
    LoginThrottle throttle;

    /** What an admin changes about an account; a null field stays as it is. */
    @Schema(description = "What to change about an account; a field left out (or null) stays as it is")
    public record UserChange(
            @Schema(description = "Optional: a new display name, at most 128 characters", example = "Sam Reviewer") String displayName,
            @Schema(description = "Optional: the new roles (admin, reviewer, service; one name, comma-separated or an array); admins cannot"
                    + " drop their own admin role, and one enabled admin always remains", example = "admin,reviewer") RoleNames roles,
            @Schema(description = "Optional: a new password (at least LOOPWISE_SECURITY_MIN_PASSWORD_LENGTH characters, at most 72 bytes); lifts"
                    + " a sign-in lock; a service account takes none, and one given another role needs it", example = "another-long-passphrase")
            String password,
            @Schema(description = "Optional: true disables the account (its keys stop working, its sessions end), false enables it; nobody"
                    + " disables themselves", example = "false") Boolean disabled) {
    }

    @Transactional
    public User create(String username, String password, String roles, String displayName) {
        NewAccount account = NewAccount.of(username, password, roles, displayName, config.minPasswordLength());
        // Without the lock two requests for one name both find it free, and the second one fails on the unique key.
        User.lockAccountWrites();
        if (User.findByUsername(account.username()).isPresent()) {
            throw ApiException.conflict("username_taken", AccountMessages.usernameTaken(username));
        }
        User user = new User();
        user.username = account.username();
        user.displayName = account.displayName();
        user.roles = account.roles();
        user.passwordHash = account.passwordHash();
        user.createdAt = OffsetDateTime.now();
        user.persist();
        audit.record("user.add", account.auditTarget(), account.auditDetails());
        return user;
    }

    /**
     * Applies an admin's change. An admin cannot disable or demote themselves, and no change may leave
     * Loopwise without an enabled admin: nobody could then manage it from the browser.
     */
    @Transactional
    public User update(String actingUsername, long id, UserChange change) {
        // Read after the lock: every column is written back, so a copy read before a concurrent change would undo it.
        User.lockAccountWrites();
        User user = User.<User>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(AccountMessages.noAccount(id)));
        boolean self = user.username.equals(actingUsername);
        Set<String> roles = change.roles() == null ? user.roleSet() : Role.parseForAccount(change.roles().joined());
        boolean disable = Boolean.TRUE.equals(change.disabled());
        if (self && disable) {
            throw ApiException.conflict("own_account", AccountMessages.DISABLE_OWN_ACCOUNT);
        }
        if (self && !roles.contains(Role.ADMIN)) {
            throw ApiException.conflict("own_admin_role", AccountMessages.OWN_ADMIN_ROLE);
        }
        String password = checkedPassword(user, roles, change.password());
        if (user.isAdmin() && user.isEnabled() && (disable || !roles.contains(Role.ADMIN))) {
            // Two admins removing each other at once would otherwise both succeed and leave none.
            boolean anotherRemains = User.lockEnabledAdmins().stream().anyMatch(admin -> !admin.id.equals(user.id));
            if (!anotherRemains) {
                throw ApiException.conflict("last_admin", AccountMessages.LAST_ADMIN);
            }
        }
        if (change.displayName() != null) {
            String name = NewAccount.checkedDisplayName(change.displayName());
            if (!name.equals(user.displayName)) {
                audit.record("user.rename", "account " + user.username, Map.of("from", user.displayName, "to", name));
            }
            user.displayName = name;
        }
        boolean rolesChanged = !roles.equals(user.roleSet());
        if (rolesChanged) {
            audit.record("user.role_change", "account " + user.username, Map.of("from", user.roles, "to", String.join(",", roles)));
        }
        if (change.disabled() != null && disable == user.isEnabled()) {
            audit.record(disable ? "user.disable" : "user.enable", "account " + user.username, Map.of());
        }
        user.roles = String.join(",", roles);
        if (change.disabled() != null) {
            user.disabledAt = !disable ? null : user.isEnabled() ? OffsetDateTime.now() : user.disabledAt;
        }
        if (password != null) {
            user.setPassword(password);
            throttle.forgive(user.username);
            audit.record("user.password_reset", "account " + user.username, Map.of());
        }
        if (password != null || rolesChanged || disable) {
            user.sessionsValidFrom = sessionCutoff();
        }
        return user;
    }

    /** A signed-in person's own password; the current one is asked for so an unattended session cannot change it. */
    @Transactional
    public Instant changeOwnPassword(String username, String currentPassword, String newPassword, String repeated) {
        if (throttle.isUserLocked(username)) {
            long seconds = Math.max(1, throttle.secondsLocked(username, null));
            throw ApiException.tooManyRequests("locked", Messages.loginLocked(seconds), seconds);
        }
        checkPassword(newPassword);
        if (!newPassword.equals(repeated)) {
            throw ApiException.badRequest("passwords_differ", AccountMessages.PASSWORDS_DIFFER);
        }
        // Read after the lock: an admin's disabling the account meanwhile must not be written back as enabled.
        User.lockAccountWrites();
        User user = User.findEnabled(username).orElseThrow(() -> ApiException.notFound(AccountMessages.noEnabledAccount(username)));
        if (currentPassword == null || !BcryptUtil.matches(currentPassword, user.passwordHash)) {
            throttle.failed(username, null);
            throw ApiException.badRequest("wrong_password", AccountMessages.WRONG_CURRENT_PASSWORD);
        }
        user.setPassword(newPassword);
        // Every other session of the account ends; the caller renews its own stamp from this instant.
        user.sessionsValidFrom = sessionCutoff();
        return user.sessionsValidFrom.toInstant();
    }

    /** What a password sign-in needs to know about an account, read before the (slow) bcrypt check. */
    public record SignInAccount(String username, String passwordHash, Set<String> roles, boolean enabled) {
    }

    /** Asked at every password sign-in, from a worker thread outside any request. */
    @ActivateRequestContext
    @Transactional
    public Optional<SignInAccount> signInAccount(String username) {
        return User.findByUsername(username)
                .map(user -> new SignInAccount(user.username, user.passwordHash, user.roleSet(), user.isEnabled()));
    }

    /** Asked at every sign-in and every session request, from a worker thread outside any request. */
    @ActivateRequestContext
    @Transactional
    public boolean isDisabled(String username) {
        return User.findByUsername(username).filter(user -> !user.isEnabled()).isPresent();
    }

    /** Whether a session that signed in at {@code signedInAt} may still act for the account. */
    @ActivateRequestContext
    @Transactional
    public boolean honoursSession(String username, Instant signedInAt) {
        return User.findByUsername(username)
                .filter(User::isEnabled)
                .filter(user -> user.sessionsValidFrom == null || signedInAt.isAfter(user.sessionsValidFrom.toInstant()))
                .isPresent();
    }

    /**
     * Ends every session of the account, on every instance, at its next request. Returns the instant
     * from which new sign-ins count, so that the caller's own session can be renewed after it.
     */
    @Transactional
    public Instant endSessions(String username) {
        User.lockAccountWrites();
        OffsetDateTime now = sessionCutoff();
        User.update("sessionsValidFrom = ?1 where username = ?2", now, username);
        return now.toInstant();
    }

    /** Now, at the precision PostgreSQL stores, so that a stamp compares with exactly what was saved. */
    private static OffsetDateTime sessionCutoff() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The new password of a change, or null to keep the old one. The rules of {@link NewAccount}: a service account has no
     * password, and any other role needs one, so a service account given a person's role gets its password in the same change.
     */
    private String checkedPassword(User user, Set<String> roles, String password) {
        boolean given = password != null && !password.isEmpty();
        if (NewAccount.isServiceOnly(roles)) {
            if (given) {
                throw ApiException.badRequest("service_password", AccountMessages.servicePassword(false));
            }
            return null;
        }
        if (NewAccount.isServiceOnly(user.roleSet()) && !given) {
            throw ApiException.badRequest("password_needed",
                    AccountMessages.passwordForPersonRole(user.username, String.join(",", roles), config.minPasswordLength()));
        }
        if (password != null) {
            checkPassword(password);
        }
        return password;
    }

    void checkPassword(String password) {
        NewAccount.checkPassword(password, config.minPasswordLength());
    }
}
