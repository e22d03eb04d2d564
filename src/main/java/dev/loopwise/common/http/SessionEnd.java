package dev.loopwise.common.http;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Why a session was refused, when the person can do something about it: an admin disabled the account. Told as "your
 * session expired", they would sign in again only to be refused, and believe a choice kept for them would be saved.
 */
public final class SessionEnd {
    /** Set on the request by the session check when the session's account is disabled. */
    public static final String ACCOUNT_DISABLED = "loopwise.session-account-disabled";

    private SessionEnd() {
    }

    static boolean accountDisabled(RoutingContext context) {
        return context != null && Boolean.TRUE.equals(context.get(ACCOUNT_DISABLED));
    }

    /** Inside a request: an exception mapper's. */
    static boolean accountDisabled() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        return accountDisabled(Arc.container().instance(CurrentVertxRequest.class).get().getCurrent());
    }

    /** Where a browser whose session was refused signs in again, told why. */
    static String signInAddress(boolean accountDisabled) {
        return "/login?" + (accountDisabled ? "disabled=true" : "expired=true");
    }
}
