package dev.loopwise.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Security headers on every response: a content security policy without inline script (the pages have
 * none), no framing, no MIME sniffing, no referrer to other sites; HSTS and {@code Secure} cookies when the
 * service is configured as reached over TLS (directly or behind a proxy), and on any answer to a request that
 * came over HTTPS without that setting: an operator who put a TLS proxy in front and forgot it would otherwise
 * leave browsers free to try plain HTTP next time, where a network attacker waits. Without the setting the
 * header leaves out subdomains, which may still serve plain HTTP for all this service knows. Swagger UI builds
 * itself with inline script, so it alone gets no script policy — it is for admins reading the API, and shows no data.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String HSTS_THIS_HOST = "max-age=31536000";
    static final String STATIC_CACHING = "no-cache";
    static final String VERSIONED_CACHING = "public, max-age=31536000, immutable";
    /** /webjars/LIBRARY/VERSION/...: another version of the library is another address. */
    private static final Pattern VERSIONED_WEBJAR = Pattern.compile("/webjars/[^/]+/[0-9][^/]*/.+");

    @Inject
    SecurityConfig config;

    void register(@Observes Filters filters) {
        boolean tls = config.tls();
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> apply(context, tls));
            context.next();
        }, 2000);
    }

    /** The cookie with the {@code Secure} attribute (once). */
    static String secure(String setCookie) {
        for (String attribute : setCookie.split(";")) {
            if (attribute.strip().equalsIgnoreCase("secure")) {
                return setCookie;
            }
        }
        return setCookie + "; Secure";
    }

    static boolean isStaticFile(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/favicon.")
                || path.startsWith("/q/swagger-ui");
    }

    private static void apply(RoutingContext context, boolean tls) {
        MultiMap headers = context.response().headers();
        boolean swagger = context.normalizedPath().startsWith("/q/swagger-ui");
        headers.set("Content-Security-Policy", swagger ? SWAGGER_POLICY : POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        // Pages and API answers show a signed-in person's data: after signing out, the back button must not bring
        // them back from the browser's cache. Static files (styles, scripts, charts' code) may be kept, but are asked
        // for again each time (an unchanged one costs a 304): the file handler's "public, immutable, max-age=0" told
        // a browser both never to ask and to ask every time, and its 304 said nothing. A versioned library file never
        // changes at its address (an upgrade names another), so it is kept without asking. Any other answer (a 404 of
        // a missing script, an error, a redirect) is no file to keep, whatever its handler said.
        String path = context.normalizedPath();
        int status = context.response().getStatusCode();
        boolean kept = status == 200 || status == 206 || status == 304;
        boolean succeeded = status >= 200 && status < 300 || status == 304;
        if (kept && VERSIONED_WEBJAR.matcher(path).matches()) {
            headers.set(HttpHeaders.CACHE_CONTROL, VERSIONED_CACHING);
        } else if (kept && (isStaticFile(path) || path.startsWith("/webjars/"))) {
            headers.set(HttpHeaders.CACHE_CONTROL, STATIC_CACHING);
        } else if (!succeeded || !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        // isSSL is the client's scheme: a trusted proxy's X-Forwarded-Proto when forwarding is on (ProxyTrust).
        if (tls || context.request().isSSL()) {
            headers.set("Strict-Transport-Security", tls ? HSTS : HSTS_THIS_HOST);
            List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
            if (!cookies.isEmpty()) {
                headers.remove(HttpHeaders.SET_COOKIE);
                cookies.forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, secure(cookie)));
            }
        }
    }
}
