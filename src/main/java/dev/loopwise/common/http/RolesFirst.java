package dev.loopwise.common.http;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.Messages;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A caller the address's roles leave out is told so (403, or 401 on a page when nobody is signed in) before the HTTP
 * layer would refuse the request for its method (405), its Accept header (406), its body's type (415) or size (413):
 * those answers name the methods and types the address takes, which only a caller allowed there needs to know. RESTEasy
 * picks the resource method, and so checks its roles, only after it has matched all three. A stranger on a page whose
 * request would be taken goes on to the page, which sends them to sign in and back.
 */
@ApplicationScoped
public class RolesFirst {
    /** After {@link ApiCallerFirst}, which has refused a stranger on the API; before the payload limit and OPTIONS. */
    static final int ORDER = ApiCallerFirst.ORDER + 1;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String path = context.normalizedPath();
            List<AllowedMethods.Route> routes = path == null ? List.of() : AllowedMethods.matching(path);
            String verb = context.request().method().name();
            if (routes.isEmpty()) {
                // An address of no page: a browser gets the error page with its menu, which needs to know who is asking, and
                // the mapper that draws it runs where that may not be looked up any more. Only for a page the browser was
                // sent to: a session refused at the lookup is answered by sending the browser to sign in and forgetting the
                // session, which the browser's own requests (its favicon, a stylesheet) must not do behind the page's back.
                if (path != null && isNavigation(context)) {
                    Context started = Vertx.currentContext();
                    QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(identity -> {
                        ErrorPage.remember(context, identity);
                        proceed(context, started);
                    }, failure -> {
                        if (!BusyAnswer.answered(context, failure)) {
                            proceed(context, started);
                        }
                    });
                    return;
                }
                context.next();
                return;
            }
            boolean refused = !RouteRules.takes(routes, verb, context.request().getHeader(HttpHeaders.CONTENT_TYPE),
                    context.request().getHeader(HttpHeaders.ACCEPT));
            // A method the address takes: that method's roles. One it does not take: anyone allowed any of its methods may
            // learn which they are.
            List<AllowedMethods.Route> asked = RouteRules.forVerb(routes, verb);
            Set<String> roles = new LinkedHashSet<>(); // in the order the annotations name them, as ErrorMapper says them
            for (AllowedMethods.Route route : asked.isEmpty() ? routes : asked) {
                if (route.roles() == null) {
                    context.next();
                    return;
                }
                roles.addAll(route.roles());
            }
            Context started = Vertx.currentContext();
            QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(identity -> {
                ErrorPage.remember(context, identity);
                if ((identity == null || identity.isAnonymous()) && refused) {
                    unauthenticated(context);
                } else if (identity == null || identity.isAnonymous()) {
                    // The page itself sends a stranger to sign in, and brings them back here afterwards.
                    proceed(context, started);
                } else if (!allowed(identity, roles)) {
                    HttpLayerErrors.refuse(context, identity, 403, "forbidden", Messages.forbidden(roles.toArray(String[]::new)));
                } else {
                    proceed(context, started);
                }
            }, failure -> {
                // A session or key not valid: answered further on, in its own words. Every connection taken: answered here.
                if (!BusyAnswer.answered(context, failure)) {
                    proceed(context, started);
                }
            });
        });
    }

    /**
     * Nobody signed in on a page (the API's strangers were answered before): a browser is sent to sign in, as the page
     * itself would send it, and another client gets the 401 {@link ErrorMapper} gives.
     */
    private static void unauthenticated(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        boolean hadSession = context.request().getCookie(ErrorMapper.SESSION_COOKIE) != null;
        boolean disabled = hadSession && SessionEnd.accountDisabled(context);
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        if (RequestKind.wantsHtml(context.normalizedPath(), context.request().getHeader(HttpHeaders.ACCEPT),
                context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            if (hadSession) {
                // As ErrorMapper does: a session refused is forgotten, or the sign-in page would refuse it in turn.
                context.response().addCookie(Cookie.cookie(ErrorMapper.SESSION_COOKIE, "").setPath("/")
                        .setHttpOnly(true).setMaxAge(0));
            }
            context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION,
                    hadSession ? SessionEnd.signInAddress(disabled) : "/login").end();
            return;
        }
        context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"loopwise\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(disabled ? new ApiError("account_disabled", AccountMessages.SESSION_DISABLED)
                        : hadSession ? new ApiError("session_expired", Messages.SESSION_EXPIRED)
                        : new ApiError("unauthenticated", Messages.SIGN_IN_OR_KEY)));
    }

    /**
     * A page the browser was sent to, as opposed to one of its own requests for a page's parts. Browsers say which in
     * {@code Sec-Fetch-Mode}; a client that does not (curl, a script) is taken at its word, as for any page.
     */
    private static boolean isNavigation(RoutingContext context) {
        String mode = context.request().getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return mode.equalsIgnoreCase("navigate");
        }
        return RequestKind.wantsHtml(context.normalizedPath(), context.request().getHeader(HttpHeaders.ACCEPT),
                context.request().getHeader(HttpHeaders.CONTENT_TYPE));
    }

    /** The request goes on where it started: the identity may have been looked up off the event loop. */
    private static void proceed(RoutingContext context, Context started) {
        if (started == null || started == Vertx.currentContext()) {
            context.next();
        } else {
            started.runOnContext(ignored -> context.next());
        }
    }

    private static boolean allowed(SecurityIdentity identity, Set<String> roles) {
        return roles.isEmpty() || roles.stream().anyMatch(identity::hasRole);
    }
}
