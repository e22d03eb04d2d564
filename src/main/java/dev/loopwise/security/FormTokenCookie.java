package dev.loopwise.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The form token cookie is the pages' business only. Quarkus' CSRF check refuses with a bare 400 any request whose token
 * cookie is not a token of the size it makes (one left by an older version, or by another application on the same host
 * name), whatever the request: a browser holding such a cookie could open no page, and a script running in it no API call,
 * until the cookie was cleared by hand.
 *
 * <p>So API and OpenAI-compatible calls, which authenticate with a key and never with a cookie, do not see the cookie at all
 * and do not get one. On pages a malformed cookie counts as no cookie: opening a page hands out a new token, and a form
 * sent with the old one is refused as an out-of-date form (there is no cookie to match its token), so the check on forms
 * keeps its full strength.
 */
@ApplicationScoped
public class FormTokenCookie {
    /** rest-csrf's default token size, in bytes: a cookie of any other size is refused outright. */
    static final int TOKEN_BYTES = 16;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    void register(@Observes Filters filters) {
        filters.register(this::filter, 900);
    }

    private void filter(RoutingContext context) {
        Cookie cookie = context.request().getCookie(cookieName);
        if (keyCall(context.normalizedPath())) {
            if (cookie != null) {
                forget(context);
            }
            // rest-csrf hands a token to every GET it answers; an API answer has no form to use it in.
            context.addHeadersEndHandler(ignored -> forget(context));
        } else if (cookie != null && !wellFormed(cookie.getValue())) {
            forget(context);
        }
        context.next();
    }

    /** Drops the cookie from what this request holds without telling the browser to delete its own. */
    private void forget(RoutingContext context) {
        context.response().removeCookie(cookieName, false);
    }

    static boolean keyCall(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v1/") || path.equals("/v1");
    }

    static boolean wellFormed(String token) {
        try {
            return token != null && Base64.getUrlDecoder().decode(token).length == TOKEN_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
