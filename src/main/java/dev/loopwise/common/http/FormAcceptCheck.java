package dev.loopwise.common.http;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;

/**
 * A form sent to a page is matched whatever its Accept header names ({@link AcceptHeader}), so that the CSRF check runs
 * and refuses a form without its token as such. Once the token passed, the caller's own Accept decides again: a script
 * that asked only for types the page does not make (JSON) is told 406, as before, rather than handed the page's HTML.
 * Like the CSRF check it waits for the form to be read, which puts both after the other filters. Among the two, this
 * priority (below the CSRF check's default {@code USER}) is the one that runs it second, as measured, not as guessed from
 * the name: FormTokenRefusalTest fails if a form without its token is ever told 406 instead of 403.
 */
public class FormAcceptCheck {
    @ServerRequestFilter(priority = Priorities.USER - 100)
    @WithFormRead
    public void callersOwnAccept(ResourceInfo resource, RoutingContext routing) {
        String callers = routing.get(AcceptHeader.CALLERS_ACCEPT);
        if (callers == null || resource == null || resource.getResourceMethod() == null) {
            return;
        }
        if (!RouteRules.acceptsAny(callers, RouteRules.produces(resource.getResourceMethod()))) {
            throw new ApiException(Status.NOT_ACCEPTABLE, "not_acceptable", Messages.NOT_ACCEPTABLE);
        }
    }
}
