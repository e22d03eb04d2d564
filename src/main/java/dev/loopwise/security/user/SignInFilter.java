package dev.loopwise.security.user;

import dev.loopwise.common.Messages;
import dev.loopwise.common.http.HttpLayerErrors;
import dev.loopwise.security.SameOriginFilter;
import dev.loopwise.security.SessionStamps;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches the answers of Quarkus' own sign-in endpoint, which no resource sees, on every path it
 * answers. Quarkus answers a refused sign-in by redirecting to the error page; when the refusal was a
 * lock ({@link PasswordSignInGate}) the redirect goes to the page that says so instead. Any other
 * redirect is a sign-in, which gets its session stamp here. Counting happens at the identity check.
 *
 * <p>The sign-in post takes the sign-in form and nothing else: Quarkus reads its fields as form attributes and fails
 * with a 500 on a body it cannot decode as a form (JSON, for one), so such a client is told how to sign in instead.
 */
@ApplicationScoped
public class SignInFilter {
    static final String LOCKED_PAGE = "/login?error=locked";

    @Inject
    SessionStamps stamps;

    @ConfigProperty(name = "quarkus.http.auth.form.error-page")
    String errorPage;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (SameOriginFilter.isLoginPost(context)) {
                if (!isForm(context.request().getHeader("Content-Type"))) {
                    HttpLayerErrors.refuse(context, 415, "unsupported_media_type", Messages.SIGN_IN_FORM_ONLY);
                    return;
                }
                context.addHeadersEndHandler(ignored -> answered(context));
            }
            context.next();
        }, 900);
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }


    private void answered(RoutingContext context) {
        String location = context.response().headers().get("Location");
        if (location == null && context.response().getStatusCode() == 200) {
            // Quarkus ends a post without a password (or with one it will not read) with an empty 200; a person would
            // see a blank page. It is a refused sign-in like any other.
            context.response().setStatusCode(303);
            context.response().headers().set("Location", errorPage);
            return;
        }
        if (location == null || context.response().getStatusCode() / 100 != 3) {
            return;
        }
        if (location.endsWith(errorPage)) {
            if (Boolean.TRUE.equals(context.get(PasswordSignInGate.LOCKED))) {
                context.response().headers().set("Location", LOCKED_PAGE);
            }
        } else {
            // The account's own name, whatever case it was typed in.
            String username = context.user() instanceof QuarkusHttpUser user
                    ? user.getSecurityIdentity().getPrincipal().getName() : context.request().getFormAttribute("j_username");
            // Set beside Quarkus' session cookie: without this stamp the session is not honoured.
            context.response().headers().add("Set-Cookie",
                    stamps.cookie(username, Instant.now(), context.request().isSSL()).encode());
        }
    }

    /** The client's address; behind a proxy with forwarding turned on, the one the proxy reports. */
    static String clientAddress(RoutingContext context) {
        return context == null || context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
    }
}
