package dev.loopwise.security.user;

import dev.loopwise.common.Messages;
import dev.loopwise.common.http.HttpLayerErrors;
import dev.loopwise.security.SameOriginFilter;
import dev.loopwise.security.SessionStamps;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches the answers of Quarkus' own sign-in endpoint, which no resource sees, on every path it
 * answers. Quarkus answers a refused sign-in by redirecting to the error page; when the refusal was a
 * lock ({@link PasswordSignInGate}) the redirect goes to the page that says so instead. Any other
 * redirect is a sign-in, which gets its session stamp here. Counting happens at the identity check.
 *
 * <p>The sign-in post takes the sign-in form and nothing else: Quarkus reads its fields as form attributes and fails
 * with a 500 on a body it cannot decode as a form (JSON, for one), so such a client is told how to sign in instead.
 *
 * <p>Quarkus sends a signed-in browser back to the address in its return cookie only when that address is on this
 * origin; any other it answers with a bare 401, the right password included, for as long as the cookie lives. Cookies
 * do not tell ports apart, so another application on this host (another Loopwise on another port) hands its own
 * return address to this one, and a page able to set cookies for this host could keep everyone from signing in. Such
 * a return address is dropped before the sign-in reads it: the browser lands on its home page and forgets the cookie.
 */
@ApplicationScoped
public class SignInFilter {
    static final String LOCKED_PAGE = "/login?error=locked";

    @Inject
    SessionStamps stamps;

    @ConfigProperty(name = "quarkus.http.auth.form.error-page")
    String errorPage;
    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie")
    String returnCookie;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (SameOriginFilter.isLoginPost(context)) {
                if (!isForm(context.request().getHeader("Content-Type"))) {
                    HttpLayerErrors.refuse(context, 415, "unsupported_media_type", Messages.SIGN_IN_FORM_ONLY);
                    return;
                }
                boolean dropped = dropForeignReturnAddress(context);
                context.addHeadersEndHandler(ignored -> {
                    if (dropped) {
                        context.response().headers().add("Set-Cookie", returnCookie + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
                    }
                    answered(context);
                });
            }
            context.next();
        }, 900);
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private boolean dropForeignReturnAddress(RoutingContext context) {
        Cookie cookie = context.request().getCookie(returnCookie);
        if (cookie == null || sameOrigin(cookie.getValue(), context.request().absoluteURI())) {
            return false;
        }
        context.response().removeCookie(returnCookie, false); // from what the request is read as, not yet from the browser
        return true;
    }

    /** The comparison Quarkus makes (scheme and authority), without its refusal. */
    static boolean sameOrigin(String address, String request) {
        if (address == null || request == null) {
            return false;
        }
        try {
            URI to = URI.create(address);
            URI here = URI.create(request);
            return to.getScheme() != null && to.getAuthority() != null
                    && to.getScheme().equals(here.getScheme()) && Objects.equals(to.getAuthority(), here.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
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
            // The page cannot tell whose lock it is, so the time left comes with the address.
            if (context.get(PasswordSignInGate.LOCKED) instanceof Long seconds) {
                context.response().headers().set("Location", LOCKED_PAGE + "&retryAfter=" + seconds);
            } else if (context.get(PasswordSignInGate.CLOSED) instanceof String why) {
                context.response().headers().set("Location", "/login?error=" + why);
            }
        } else {
            // The account's own name, whatever case it was typed in.
            String username = context.user() instanceof QuarkusHttpUser user
                    ? user.getSecurityIdentity().getPrincipal().getName()
                    : PasswordSignInGate.accountName(context.request().getFormAttribute("j_username"));
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
