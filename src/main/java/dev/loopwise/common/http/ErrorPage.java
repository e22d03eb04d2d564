package dev.loopwise.common.http;

import dev.loopwise.common.HttpMessages;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The page a browser gets when a request fails, in the product's layout: a signed-in person keeps the menu their roles
 * allow (and Log out), so a wrong address or a refusal is one click from where they can go on; a visitor nobody signed
 * in gets a link to sign in. Rendered at once, inside a request or on a route that answers before any resource runs.
 */
final class ErrorPage {
    /** Where rest-csrf keeps the form token of the request being answered; the layout's Log out form reads it from there. */
    private static final String CSRF_TOKEN_KEY = "csrf_token";
    /**
     * The error page's type. Its charset is named as the pages' own is: without it a browser, a proxy or a saved copy has
     * to guess the encoding of the names and quotes the page shows, before it reaches the page's meta tag.
     */
    static final MediaType TYPE = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    /** rest-csrf's default token size, in bytes, which a cookie's token must have to be accepted back. */
    private static final int CSRF_TOKEN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String IDENTITY_KEY = ErrorPage.class.getName() + ".identity";
    private static final String BACK_KEY = ErrorPage.class.getName() + ".back";

    /** A page of ours to go back to from the error, named as the menu names it. */
    public record Back(String href, String page) {
    }

    private ErrorPage() {
    }

    /** Notes who is asking, once looked up on a route, for an error page drawn where it may not be looked up any more. */
    static void remember(RoutingContext context, SecurityIdentity identity) {
        if (identity != null) {
            context.put(IDENTITY_KEY, identity);
        }
    }

    /** Who was noted as asking on this request's route, else null. */
    static SecurityIdentity remembered(RoutingContext context) {
        return context == null ? null : context.get(IDENTITY_KEY);
    }

    /** Offers {@code back} on the error page this request gets, besides the home page. */
    static void offerBack(RoutingContext context, Back back) {
        if (back != null) {
            context.put(BACK_KEY, back);
        }
    }

    /** Inside a request (an exception mapper or a response filter). */
    static String inRequest(int status, String title, String message) {
        return inRequest(status, title, HttpMessages.errorHeading(status, title), message);
    }

    /** As {@link #inRequest(int, String, String)}, under a heading of its own where the status's would mislead. */
    static String inRequest(int status, String title, String heading, String message) {
        if (!Arc.container().requestContext().isActive()) {
            return render(null, null, status, title, heading, message);
        }
        RoutingContext context = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        SecurityIdentity identity = context == null ? null : context.get(IDENTITY_KEY);
        if (identity == null && context != null && context.user() instanceof QuarkusHttpUser user) {
            identity = user.getSecurityIdentity();
        }
        // Sign-in is lazy: on the event loop (an address no resource matched) an identity not yet looked up cannot be.
        if (identity == null && BlockingOperationControl.isBlockingAllowed()) {
            identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        }
        return render(context, identity, status, title, heading, message);
    }

    /**
     * Inside a request whose database connection could not be had: drawn as whoever was already recognised, never looking
     * anyone up (that would wait for a connection again), and the layout is a visitor's only when no one had been.
     */
    static String busyInRequest(int status, String title, String heading, String message) {
        RoutingContext context = Arc.container().requestContext().isActive()
                ? Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() : null;
        SecurityIdentity identity = context == null ? null : context.get(IDENTITY_KEY);
        if (identity == null && context != null && context.user() instanceof QuarkusHttpUser user) {
            identity = user.getSecurityIdentity();
        }
        return render(context, identity, status, title, heading, message);
    }

    /**
     * On a route, before any resource: the request scope the layout reads is opened here. {@code identity} is null when the
     * refusal came before anyone was authenticated; the page then offers the home page, which sends a stranger to sign in.
     */
    static String render(RoutingContext context, SecurityIdentity identity, int status, String title, String heading, String message) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean opened = !requestContext.isActive();
        if (opened) {
            requestContext.activate();
        }
        try {
            if (context != null) {
                Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(context);
            }
            Arc.container().instance(CurrentIdentityAssociation.class).get()
                    .setIdentity(identity != null ? identity : QuarkusSecurityIdentity.builder().setAnonymous(true).build());
            if (identity != null && !identity.isAnonymous()) {
                ensureCsrfToken(context);
            }
            return page(status, title, heading, message, identity != null, context == null ? null : context.get(BACK_KEY));
        } finally {
            if (opened) {
                requestContext.terminate();
            }
        }
    }

    private static String page(int status, String title, String heading, String message, boolean knownWho, Back back) {
        return ErrorMapper.Templates.error(status, title, heading, message, knownWho, back).render();
    }

    /**
     * The layout's Log out form needs the CSRF token, which rest-csrf sets only for requests that reached a resource's
     * filters (not for an address that matches none, nor for a form it refused): the browser's token cookie is reused, or
     * a new one is set, as rest-csrf itself does.
     */
    private static void ensureCsrfToken(RoutingContext context) {
        if (context == null || context.get(CSRF_TOKEN_KEY) != null) {
            return;
        }
        String cookieName = ConfigProvider.getConfig().getOptionalValue("quarkus.rest-csrf.cookie-name", String.class).orElse("csrf-token");
        Cookie cookie = context.request().getCookie(cookieName);
        String token = cookie != null && wellFormed(cookie.getValue()) ? cookie.getValue() : null;
        if (token == null) {
            byte[] bytes = new byte[CSRF_TOKEN_BYTES];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            context.response().addCookie(Cookie.cookie(cookieName, token).setPath("/").setHttpOnly(true).setMaxAge(7200));
        }
        context.put(CSRF_TOKEN_KEY, token);
    }

    private static boolean wellFormed(String token) {
        try {
            return token != null && Base64.getUrlDecoder().decode(token).length == CSRF_TOKEN_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
