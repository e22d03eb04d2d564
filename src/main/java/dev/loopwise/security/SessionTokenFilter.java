package dev.loopwise.security;

import dev.loopwise.common.Messages;
import dev.loopwise.common.http.HttpLayerErrors;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every change a browser session makes carries the page's security token, whatever its body. Quarkus' CSRF check reads
 * the token from a form's field or from the header, but lets any other body through untouched when the header is left
 * out: an empty POST, a text/plain one or a JSON one would act on the session cookie alone. So such a request must name
 * its token in the header, where that check then compares it with the cookie; forms keep their field. A request with an
 * API key is not the browser's doing (no other site can add that header) and the API answers keys only.
 */
@ApplicationScoped
public class SessionTokenFilter {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
    String headerName;

    void register(@Observes Filters filters) {
        // After the origin check (1000), so a forgery from another site is still told so first.
        filters.register(this::filter, 800);
    }

    private void filter(RoutingContext context) {
        if (needsHeader(context) && blank(context.request().getHeader(headerName))) {
            HttpLayerErrors.refuse(context, 403, "token_missing", Messages.TOKEN_MISSING);
            return;
        }
        context.next();
    }

    private static boolean needsHeader(RoutingContext context) {
        return !SAFE.contains(context.request().method()) && SameOriginFilter.carriesSession(context)
                && !FormTokenCookie.keyCall(context.normalizedPath()) && !SameOriginFilter.isLoginPost(context)
                && !withKey(context) && !form(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
    }

    private static boolean withKey(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * A form's body holds its token in a field, which the CSRF check reads itself. Its type is compared as that check
     * compares it, case and all: {@code Application/X-WWW-Form-Urlencoded} is no form to it, so it skipped the field while
     * this filter skipped the header, and a form address that reads no field acted on the cookie alone.
     */
    static boolean form(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip();
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
