package dev.loopwise.llm;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.LlmMessages;
import java.net.URI;
import java.net.URISyntaxException;

/** What an LLM server's address and key must be before they are saved or tried. */
final class LlmAddress {
    private LlmAddress() {
    }

    /** Longer than any server's address up to its /v1; the address is shown on the page and kept in the audit trail. */
    static final int MAX_URL = 2000;

    static void checkUrl(String url) {
        if (url.length() > MAX_URL) {
            throw ApiException.badRequest("validation_failed", LlmMessages.llmUrlTooLong(url.length(), MAX_URL));
        }
        try {
            URI uri = new URI(url);
            // A scheme is case-insensitive (RFC 3986), and the HTTP client takes HTTP:// as http://.
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw ApiException.badRequest("validation_failed", LlmMessages.LLM_BAD_URL);
            }
            // The address is shown on the page and in the audit trail; a password belongs in the key field.
            if (uri.getRawUserInfo() != null) {
                throw ApiException.badRequest("validation_failed", LlmMessages.LLM_URL_WITH_CREDENTIALS);
            }
            // The client appends /chat/completions to the address as typed, so a query or fragment would swallow that path,
            // and a port no socket has only fails at the first call, as "an unexpected reason".
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getPort() == 0 || uri.getPort() > 65535) {
                throw ApiException.badRequest("validation_failed", LlmMessages.LLM_URL_NOT_CALLABLE);
            }
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_BAD_URL);
        }
    }

    /** Same scheme, host and port: the server a stored key was saved for, whatever the path. */
    static boolean sameServer(String url, String other) {
        if (other == null) {
            return false;
        }
        try {
            URI a = new URI(url);
            URI b = new URI(other);
            return a.getScheme() != null && a.getHost() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A key travels in an HTTP header: visible ASCII only, which also keeps a pasted '…' or line break out. */
    static String checkKey(String key) {
        if (key.length() > LlmSettingsService.MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_BAD_KEY);
        }
        return key;
    }
}
