package dev.loopwise.security.user;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.security.NewApiKey;
import dev.loopwise.security.Role;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An account about to be stored, checked against the rules every account obeys. {@link UserService} and the command
 * line's direct path ({@link UserCommand}) both store accounts made here.
 */
public record NewAccount(String username, String roles, String passwordHash, String displayName) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    /** The column holds 128 characters. */
    static final int MAX_DISPLAY_NAME = 128;

    public static NewAccount of(String username, String password, String roles, String displayName, int minPasswordLength) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid_username", AccountMessages.USERNAME_RULE);
        }
        Set<String> roleSet = Role.parseForAccount(roles == null ? "" : roles);
        if (password != null && !password.isEmpty() && isServiceOnly(roleSet)) {
            // It would be stored and never work: a service account signs in with API keys only.
            throw ApiException.badRequest("service_password", AccountMessages.servicePassword(true));
        }
        if ((password == null || password.isEmpty()) && isServiceOnly(roleSet)) {
            // A service account never signs in with a password: give it one nobody knows.
            password = NewApiKey.randomSecret();
        }
        checkPassword(password, minPasswordLength);
        String name = displayName == null ? username : checkedDisplayName(displayName);
        return new NewAccount(username, String.join(",", roleSet), hash(password), name);
    }

    /** A service account (a helpdesk integration) and nothing else: it has no password anyone knows. */
    static boolean isServiceOnly(Set<String> roles) {
        return roles.equals(Set.of(Role.SERVICE));
    }

    static final int MAX_PASSWORD_BYTES = 72;

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    /** Say it before the database has to. */
    static String checkedDisplayName(String displayName) {
        if (displayName.isBlank()) {
            throw ApiException.badRequest("invalid_display_name", AccountMessages.DISPLAY_NAME_BLANK);
        }
        String name = displayName.strip();
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME) {
            throw ApiException.badRequest("invalid_display_name", AccountMessages.displayNameTooLong(MAX_DISPLAY_NAME));
        }
        // Control characters (terminal escapes among them) would reach every page and the audit log as they are, and a
        // right-to-left override would show another name than the one stored.
        if (!PlainText.isPlainLine(name)) {
            throw ApiException.badRequest("invalid_display_name", AccountMessages.DISPLAY_NAME_NOT_PLAIN);
        }
        if (!PlainText.showsSomething(name)) {
            throw ApiException.badRequest("invalid_display_name", AccountMessages.DISPLAY_NAME_INVISIBLE);
        }
        return name;
    }


    static void checkPassword(String password, int minPasswordLength) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("password_needed", "This account needs a password (at least " + minPasswordLength
                    + " characters): people sign in with it. Only a service account has none.");
        }
        if (PlainText.length(password) < minPasswordLength) {
            throw ApiException.badRequest("weak_password", AccountMessages.passwordTooShort(minPasswordLength));
        }
        if (password.isBlank()) {
            throw ApiException.badRequest("weak_password", "A password cannot be only spaces.");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid_password", "A password cannot hold control characters (a NUL, a tab or a line"
                    + " break): the sign-in page could not take them. Use letters, digits, spaces and punctuation.");
        }
        // bcrypt reads only the first 72 bytes: a longer password would quietly accept anything that starts the same.
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.badRequest("password_too_long", "A password is at most " + MAX_PASSWORD_BYTES
                    + " bytes: 72 plain letters and digits, fewer with accented letters or emoji (they take 2 to 4 bytes each).");
        }
        if (isGuessable(password.toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("weak_password", AccountMessages.PASSWORD_GUESSABLE);
        }
    }

    /**
     * Long enough yet among the first a guesser tries: a few characters repeated (aaaaaaaaaa, 1212121212) or a run along
     * the alphabet or the digits (0123456789, abcdefghij). Longer words and phrases are left to the person.
     */
    static boolean isGuessable(String password) {
        if (password.codePoints().distinct().count() < 4) {
            return true;
        }
        int[] points = password.codePoints().toArray();
        int step = points[1] - points[0];
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < points.length; i++) {
            if (points[i] - points[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    String auditTarget() {
        return "account " + username;
    }

    Map<String, Object> auditDetails() {
        return Map.of("roles", roles);
    }
}
