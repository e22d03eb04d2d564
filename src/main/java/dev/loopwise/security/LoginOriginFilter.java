package dev.loopwise.security;

import dev.loopwise.common.Messages;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The sign-in form posts to Quarkus' own {@code /j_security_check}, which no REST filter sees, so the
 * CSRF token check cannot guard it. Refusing posts that the browser marks as coming from another site
 * stops login CSRF (a victim silently signed in to an attacker's account).
 */
@ApplicationScoped
public class LoginOriginFilter {
    static final String LOGIN_POST_PATH = "/j_security_check";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (context.request().method() == HttpMethod.POST && LOGIN_POST_PATH.equals(context.normalizedPath())) {
                String site = context.request().getHeader("Sec-Fetch-Site");
                String origin = context.request().getHeader("Origin");
                if ("cross-site".equals(site) || "null".equals(origin)) {
                    context.response().setStatusCode(403)
                            .putHeader("Content-Type", "text/plain; charset=utf-8")
                            .end(Messages.CROSS_SITE_LOGIN);
                    return;
                }
            }
            context.next();
        }, 1000);
    }
}
