package dev.loopwise.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches Quarkus' own sign-in endpoint, which no resource sees: an address that guessed too often is
 * turned away before its password is read, and every answer is counted as it leaves. Quarkus answers a
 * failed sign-in by redirecting to the error page, so that redirect is what counts as a failure; any
 * other redirect is a sign-in, which gets its session stamp here.
 */
@ApplicationScoped
public class LoginThrottleFilter {
    static final String LOCKED_PAGE = "/login?error=locked";

    @Inject
    LoginThrottle throttle;
    @Inject
    SessionStamps stamps;

    @ConfigProperty(name = "quarkus.http.auth.form.error-page")
    String errorPage;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (context.request().method() == HttpMethod.POST && SameOriginFilter.isLoginPost(context)) {
                String address = clientAddress(context);
                if (throttle.isAddressLocked(address)) {
                    context.response().setStatusCode(303).putHeader("Location", LOCKED_PAGE).end();
                    return;
                }
                context.addHeadersEndHandler(ignored -> record(context, address));
            }
            context.next();
        }, 900);
    }

    private void record(RoutingContext context, String address) {
        String location = context.response().headers().get("Location");
        if (location == null || context.response().getStatusCode() / 100 != 3) {
            return;
        }
        String username = context.request().getFormAttribute("j_username");
        if (location.endsWith(errorPage)) {
            throttle.failed(username, address);
            if (throttle.isUserLocked(username) || throttle.isAddressLocked(address)) {
                context.response().headers().set("Location", LOCKED_PAGE);
            }
        } else {
            throttle.succeeded(username);
            // Set beside Quarkus' session cookie: without this stamp the session is not honoured.
            context.response().headers().add("Set-Cookie",
                    stamps.cookie(username, Instant.now(), context.request().isSSL()).encode());
        }
    }

    private static String clientAddress(RoutingContext context) {
        return context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
    }
}
