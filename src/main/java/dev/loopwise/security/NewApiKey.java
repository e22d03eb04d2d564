package dev.loopwise.security;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.common.text.PlainText;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A key about to be stored: the rules for its secret, prefix, hash, name and limit, and what the audit trail says of
 * it. {@link dev.loopwise.security.apikey.ApiKeyService} and the command line's direct path ({@link dev.loopwise.security.apikey.ApiKeyCommand}) both store keys made here.
 * {@code requestsPerMinute}: the key's own limit (0: none); null takes the configured default.
 */
public record NewApiKey(String secret, String prefix, String hash, String name, Integer requestsPerMinute) {
    public static final String KEY_PREFIX = "lw_";
    private static final int PREFIX_LENGTH = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The most characters a key's name has once stripped: the API, the form and the command line refuse a longer one alike. */
    public static final int MAX_NAME = 100;

    public static NewApiKey issue(String name, Integer requestsPerMinute) {
        if (requestsPerMinute != null && requestsPerMinute < 0) {
            throw ApiException.badRequest("validation_failed", "requestsPerMinute must be 0 (no limit) or more.");
        }
        if (name != null && name.isBlank()) {
            throw ApiException.badRequest("validation_failed", AccountMessages.KEY_NAME_BLANK);
        }
        // Said here for the form as for the API (whose request also checks it), before the database has to.
        if (name != null && name.strip().codePointCount(0, name.strip().length()) > MAX_NAME) {
            throw ApiException.badRequest("validation_failed", "A key's name has at most " + MAX_NAME + " characters.");
        }
        if (name != null && !PlainText.isPlainLine(name.strip())) {
            throw ApiException.badRequest("validation_failed", "A key's name cannot contain control characters, nor marks that "
                    + "reverse the writing direction.");
        }
        String secret = KEY_PREFIX + randomSecret();
        return new NewApiKey(secret, secret.substring(0, PREFIX_LENGTH), Hashing.sha256Hex(secret),
                name == null ? DEFAULT_NAME : name.strip(), requestsPerMinute);
    }

    /**
     * The name a new key is stored under, among {@code active}, the names of the account's keys in use (lower case).
     * A name given is refused when one of them has it: two keys of one name cannot be told apart in the key list and the
     * audit log. A key asked for without a name takes {@code unnamed}, numbered past those in use ("API key 2").
     */
    public static String nameAmong(String given, String unnamed, Set<String> active, String username) {
        if (given != null && !given.isBlank()) {
            if (active.contains(given.strip().toLowerCase(Locale.ROOT))) {
                throw ApiException.conflict("key_name_taken", AccountMessages.keyNameTaken(username, given.strip()));
            }
            return given.strip();
        }
        String base = unnamed == null || unnamed.isBlank() ? DEFAULT_NAME : unnamed.strip();
        base = base.substring(0, Math.min(base.length(), MAX_NAME - 8));
        String name = base;
        for (int n = 2; active.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + " " + n;
        }
        return name;
    }

    static final String DEFAULT_NAME = "API key";

    /** 256 random bits, URL-safe. */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String auditTarget(String prefix, String username) {
        return "API key " + prefix + "… of " + username;
    }

    public static Map<String, Object> auditDetails(String name, Integer requestsPerMinute) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        if (requestsPerMinute != null) {
            details.put("requestsPerMinute", requestsPerMinute);
        }
        return details;
    }
}
