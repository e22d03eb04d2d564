package dev.loopwise.security;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates accounts and keeps the rules every account obeys in one place. */
@ApplicationScoped
public class UserService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @Inject
    SecurityConfig config;

    @Transactional
    public User create(String username, String password, String roles, String displayName) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid_username",
                    "A username is 2–64 characters: lower-case letters, digits, '.', '_' or '-'.");
        }
        checkPassword(password);
        Set<String> roleSet = Role.parse(roles == null ? "" : roles);
        if (User.findByUsername(username).isPresent()) {
            throw ApiException.conflict("username_taken", Messages.usernameTaken(username));
        }
        User user = new User();
        user.username = username;
        user.displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        user.roles = String.join(",", roleSet);
        user.setPassword(password);
        user.createdAt = OffsetDateTime.now();
        user.persist();
        return user;
    }

    void checkPassword(String password) {
        if (password == null || password.length() < config.minPasswordLength()) {
            throw ApiException.badRequest("weak_password",
                    "A password needs at least " + config.minPasswordLength() + " characters.");
        }
    }
}
