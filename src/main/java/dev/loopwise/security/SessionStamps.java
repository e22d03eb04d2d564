package dev.loopwise.security;

import dev.loopwise.common.Messages;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus' session cookie names its user and an idle deadline, nothing that can be revoked: a copy stays
 * valid until it idles out. Next to it every sign-in gets a stamp — the user and the instant of sign-in,
 * signed with the session key — and a session is honoured only while its stamp is newer than the
 * account's {@code sessions_valid_from}. Moving that instant to "now" ends every session of the account
 * on every instance at its next request, with no session table to keep.
 */
@ApplicationScoped
public class SessionStamps {
    public static final String COOKIE = "loopwise-session-stamp";
    private static final int MIN_KEY_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final boolean keyConfigured;

    public SessionStamps(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        keyConfigured = sessionKey.filter(k -> k.length() >= MIN_KEY_LENGTH).isPresent();
        byte[] secret = sessionKey.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        key = sha256(concat("loopwise session stamp\0".getBytes(StandardCharsets.UTF_8), secret));
    }

    /**
     * Serving without a configured key would sign sessions with a key made at start: they would die at
     * every restart and never work across instances. The demo and commands without HTTP do not need one. Checked before
     * any other start-up work (loading encoders, scheduling jobs), whose failing as the start is undone would bury the cause.
     */
    void requireKeyWhenServing(@Observes @Priority(0) StartupEvent event,
                               @ConfigProperty(name = "loopwise.demo.enabled", defaultValue = "false") boolean demo,
                               @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean http) {
        if (LaunchMode.current() == LaunchMode.NORMAL && http && !demo && !keyConfigured) {
            throw new IllegalStateException(Messages.SESSION_KEY_REQUIRED);
        }
    }

    /** A stamp for a sign-in of {@code username} at {@code issuedAt}, as the cookie value. */
    public String issue(String username, Instant issuedAt) {
        String payload = ENCODER.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "." + ChronoUnit.MICROS.between(Instant.EPOCH, issuedAt);
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    public Cookie cookie(String username, Instant issuedAt, boolean secure) {
        return Cookie.cookie(COOKIE, issue(username, issuedAt)).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure);
    }

    /** A stamp for the caller's own session after its account ended all sessions at {@code endedAt}. */
    public NewCookie renewal(String username, Instant endedAt, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(issue(username, endedAt.plus(1, ChronoUnit.MICROS))).path("/")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).secure(secure).build();
    }

    /** The sign-in instant the stamp proves for {@code username}, or empty when it is missing, forged or someone else's. */
    public Optional<Instant> verify(String stamp, String username) {
        if (stamp == null || username == null) {
            return Optional.empty();
        }
        int lastDot = stamp.lastIndexOf('.');
        int firstDot = stamp.indexOf('.');
        if (firstDot <= 0 || lastDot == firstDot) {
            return Optional.empty();
        }
        String payload = stamp.substring(0, lastDot);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(stamp.substring(lastDot + 1));
            String name = new String(Base64.getUrlDecoder().decode(stamp.substring(0, firstDot)), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(signature, sign(payload)) || !name.equals(username)) {
                return Optional.empty();
            }
            return Optional.of(Instant.EPOCH.plus(Long.parseLong(stamp.substring(firstDot + 1, lastDot)), ChronoUnit.MICROS));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code text} signed for {@code purpose} with the session key: a value the server writes into an address (a notice
     * after a redirect) that a link made anywhere else cannot carry. A stamp's payload never holds the NUL that parts them,
     * so no seal is ever a stamp's signature.
     */
    public String seal(String purpose, String text) {
        return ENCODER.encodeToString(sign(purpose + "\0" + text));
    }

    /** Whether {@code seal} is {@link #seal} of this {@code purpose} and {@code text}: false when missing or altered. */
    public boolean sealed(String purpose, String text, String seal) {
        if (seal == null || text == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(Base64.getUrlDecoder().decode(seal), sign(purpose + "\0" + text));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
