package dev.loopwise.security.account;

import dev.loopwise.security.NewApiKey;
import jakarta.ws.rs.core.NewCookie;

/**
 * A new API key's secret on its way from the form that made it to the page that shows it, once. The form's answer is a
 * redirect, so refreshing the page never posts the form again (which made a second key whose secret nobody saw); the
 * cookie lives two minutes, only for that page's path, and the page clears it as it shows the secret.
 */
final class NewKeyCookie {
    static final String NAME = "loopwise-new-key";

    private NewKeyCookie() {
    }

    static NewCookie carrying(String secret, String path, boolean https) {
        return new NewCookie.Builder(NAME).value(secret).path(path).httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(120).build();
    }

    static NewCookie cleared(String path) {
        return new NewCookie.Builder(NAME).value("").path(path).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    /** The carried secret, or null: anything else in the cookie (set by hand, say) is not shown. */
    static String secret(String cookie) {
        return cookie != null && cookie.startsWith(NewApiKey.KEY_PREFIX) && cookie.matches("[A-Za-z0-9_-]{20,200}") ? cookie : null;
    }
}
