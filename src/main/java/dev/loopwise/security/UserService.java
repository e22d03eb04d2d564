package dev.loopwise.security;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates and changes accounts and keeps the rules every account obeys in one place. */
@ApplicationScoped
public class UserService {
    @Inject
    AuditLog audit;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @Inject
    SecurityConfig config;
    @Inject
    LoginThrottle throttle;

    /** What an admin changes about an account; a null field stays as it is. */
    static final int MAX_DISPLAY_NAME = 128;

    public record UserChange(String displayName, String roles, String password, Boolean disabled) {
    }

    @Transactional
    public User create(String username, String password, String roles, String displayName) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid_username",
                    "A username is 2–64 characters: lower-case letters, digits, '.', '_' or '-'.");
        }
        Set<String> roleSet = Role.parse(roles == null ? "" : roles);
        if (password == null && roleSet.equals(Set.of(Role.SERVICE))) {
            // A service account never signs in with a password: give it one nobody knows.
            password = ApiKeyService.randomSecret();
        }
        checkPassword(password);
        if (User.findByUsername(username).isPresent()) {
            throw ApiException.conflict("username_taken", Messages.usernameTaken(username));
        }
        User user = new User();
        user.username = username;
        user.displayName = displayName == null || displayName.isBlank() ? username : checkedDisplayName(displayName);
        user.roles = String.join(",", roleSet);
        user.setPassword(password);
        user.createdAt = OffsetDateTime.now();
        user.persist();
        audit.record("user.add", "account " + username, Map.of("roles", user.roles));
        return user;
    }

    /**
     * Applies an admin's change. An admin cannot disable or demote themselves, and no change may leave
     * Loopwise without an enabled admin: nobody could then manage it from the browser.
     */
    @Transactional
    public User update(String actingUsername, long id, UserChange change) {
        User user = User.<User>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(Messages.notFound("user", id)));
        boolean self = user.username.equals(actingUsername);
        Set<String> roles = change.roles() == null ? user.roleSet() : Role.parse(change.roles());
        boolean disable = Boolean.TRUE.equals(change.disabled());
        if (self && disable) {
            throw ApiException.conflict("own_account", Messages.DISABLE_OWN_ACCOUNT);
        }
        if (self && !roles.contains(Role.ADMIN)) {
            throw ApiException.conflict("own_admin_role", Messages.OWN_ADMIN_ROLE);
        }
        if (change.password() != null) {
            checkPassword(change.password());
        }
        if (user.isAdmin() && user.isEnabled() && (disable || !roles.contains(Role.ADMIN))) {
            // Two admins removing each other at once would otherwise both succeed and leave none.
            boolean anotherRemains = User.lockEnabledAdmins().stream().anyMatch(admin -> !admin.id.equals(user.id));
            if (!anotherRemains) {
                throw ApiException.conflict("last_admin", Messages.LAST_ADMIN);
            }
        }
        if (change.displayName() != null) {
            String name = change.displayName().isBlank() ? user.username : checkedDisplayName(change.displayName());
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
        if (change.password() != null) {
            user.setPassword(change.password());
            throttle.forgive(user.username);
            audit.record("user.password_reset", "account " + user.username, Map.of());
        }
        if (change.password() != null || rolesChanged || disable) {
            user.sessionsValidFrom = sessionCutoff();
        }
        return user;
    }

    /** A signed-in person's own password; the current one is asked for so an unattended session cannot change it. */
    @Transactional
    public Instant changeOwnPassword(String username, String currentPassword, String newPassword, String repeated) {
        if (throttle.isUserLocked(username)) {
            throw ApiException.tooManyRequests("locked", Messages.loginLocked(throttle.lockoutMinutes()));
        }
        checkPassword(newPassword);
        if (!newPassword.equals(repeated)) {
            throw ApiException.badRequest("passwords_differ", Messages.PASSWORDS_DIFFER);
        }
        User user = User.findEnabled(username).orElseThrow(() -> ApiException.notFound(Messages.notFound("user", username)));
        if (currentPassword == null || !BcryptUtil.matches(currentPassword, user.passwordHash)) {
            throttle.failed(username, null);
            throw ApiException.badRequest("wrong_password", Messages.WRONG_CURRENT_PASSWORD);
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
        OffsetDateTime now = sessionCutoff();
        User.update("sessionsValidFrom = ?1 where username = ?2", now, username);
        return now.toInstant();
    }

    /** Now, at the precision PostgreSQL stores, so that a stamp compares with exactly what was saved. */
    private static OffsetDateTime sessionCutoff() {
        return OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The column holds 128 characters; say so before the database has to. */
    private static String checkedDisplayName(String displayName) {
        String name = displayName.strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            throw ApiException.badRequest("invalid_display_name", "A display name is at most " + MAX_DISPLAY_NAME + " characters.");
        }
        return name;
    }

    void checkPassword(String password) {
        if (password == null || password.length() < config.minPasswordLength()) {
            throw ApiException.badRequest("weak_password",
                    "A password needs at least " + config.minPasswordLength() + " characters.");
        }
    }
}
