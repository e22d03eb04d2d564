package dev.loopwise.security;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Hashing;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key about to be stored: the rules for its secret, prefix, hash, name and limit, and what the audit trail says of
 * it. {@link ApiKeyService} and the command line's direct path ({@link ApiKeyCommand}) both store keys made here.
 */
public record NewApiKey(String secret, String prefix, String hash, String name, Integer requestsPerMinute) {
    static final String KEY_PREFIX = "lw_";
    private static final int PREFIX_LENGTH = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code requestsPerMinute}: the key's own limit (0: none); null takes the configured default. */
    static final int MAX_NAME = 100;

    public static NewApiKey issue(String name, Integer requestsPerMinute) {
        if (requestsPerMinute != null && requestsPerMinute < 0) {
            throw ApiException.badRequest("validation_failed", "requestsPerMinute must be 0 (no limit) or more.");
        }
        // Said here for the form as for the API (whose request also checks it), before the database has to.
        if (name != null && name.strip().codePointCount(0, name.strip().length()) > MAX_NAME) {
            throw ApiException.badRequest("validation_failed", "A key's name has at most " + MAX_NAME + " characters.");
        }
        if (name != null && !dev.loopwise.common.PlainText.isPlainLine(name.strip())) {
            throw ApiException.badRequest("validation_failed", "A key's name cannot contain control characters, nor marks that "
                    + "reverse the writing direction.");
        }
        String secret = KEY_PREFIX + randomSecret();
        return new NewApiKey(secret, secret.substring(0, PREFIX_LENGTH), Hashing.sha256Hex(secret),
                name == null || name.isBlank() ? "API key" : name.strip(), requestsPerMinute);
    }

    /** 256 random bits, URL-safe. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String auditTarget(String prefix, String username) {
        return "API key " + prefix + "… of " + username;
    }

    static Map<String, Object> auditDetails(String name, Integer requestsPerMinute) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        if (requestsPerMinute != null) {
            details.put("requestsPerMinute", requestsPerMinute);
        }
        return details;
    }
}
