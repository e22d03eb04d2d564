package dev.loopwise.security;

import dev.loopwise.common.Messages;
import dev.loopwise.common.http.HttpLayerErrors;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * CSRF without gaps: every state-changing request that a browser's session cookie would authenticate —
 * whatever its Content-Type, with or without a body, and the sign-in form itself — must say where it
 * comes from and come from here. Browsers send {@code Origin} on every POST and {@code Sec-Fetch-Site}
 * on every request to a secure origin; a forged request from another site, a sibling subdomain
 * included, cannot fake either. A request that names no origin at all is refused too, and so is one whose Referer
 * names another site. The CSRF form token Quarkus checks on forms stays as a second line. API calls carry keys, not
 * cookies, and are not concerned.
 */
@ApplicationScoped
public class SameOriginFilter {
    static final String LOGIN_POST_SUFFIX = "/j_security_check";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    SecurityConfig config;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (!SAFE.contains(context.request().method()) && (isLoginPost(context) || carriesSession(context))
                    && !context.normalizedPath().startsWith("/api/") && !sameOrigin(context)) {
                refuse(context);
                return;
            }
            context.next();
        }, 1000);
    }

    /** Quarkus' form login answers any path that ends with its post location, so this must match the same way. */
    public static boolean isLoginPost(RoutingContext context) {
        return context.request().method() == HttpMethod.POST && context.normalizedPath().endsWith(LOGIN_POST_SUFFIX);
    }

    static boolean carriesSession(RoutingContext context) {
        return context.request().getCookie("loopwise-session") != null || context.request().getCookie(SessionStamps.COOKIE) != null;
    }

    boolean sameOrigin(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin != null && !origin.isBlank() && !origin.equals("null")) {
            return matches(origin.strip(), context.request().authority(), config.allowedOrigins().orElse(List.of()));
        }
        // Without an origin the fetch metadata vouches for the request, unless a Referer names another site: what a Loopwise
        // page sends carries that page's address or none, so a foreign one contradicts the claim.
        String referer = context.request().getHeader("Referer");
        if (referer != null && !referer.isBlank()
                && !matches(originOf(referer), context.request().authority(), config.allowedOrigins().orElse(List.of()))) {
            return false;
        }
        return "same-origin".equals(context.request().getHeader("Sec-Fetch-Site"));
    }

    /** The origin of an address ("https://host:port"); an address that does not parse names none that could match. */
    static String originOf(String address) {
        try {
            URI uri = URI.create(address.strip());
            return uri.getScheme() == null || uri.getRawAuthority() == null ? "" : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * The origin names this very host and port (as the client addressed it; behind a proxy with
     * forwarding on, as the proxy was addressed), or one the configuration allows.
     */
    static boolean matches(String origin, HostAndPort self, List<String> allowed) {
        String trimmed = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        if (allowed.stream().anyMatch(a -> a.equalsIgnoreCase(trimmed))) {
            return true;
        }
        if (self == null) {
            return false;
        }
        try {
            URI uri = URI.create(trimmed);
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            int defaultPort = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
            int selfPort = self.port() < 0 ? defaultPort : self.port();
            return uri.getHost().equalsIgnoreCase(self.host()) && originPort == selfPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** In the product's error page for a browser and {code, error} for a program, as every refusal before a resource. */
    private static void refuse(RoutingContext context) {
        HttpLayerErrors.refuse(context, 403, "cross_origin", Messages.CROSS_ORIGIN);
    }
}
