package dev.loopwise.common.http;

import dev.loopwise.common.Messages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Every pooled connection stayed taken while the caller was being recognised (an API key, a session's account, the
 * sign-in form), before any resource ran: the caller is told the service is busy and may ask again shortly, exactly as a
 * resource method's busy moment is answered ({@link ErrorMapper}), not given a bare 500, a "bad key" or a trip to the
 * sign-in page that would end a session nothing is wrong with.
 */
@ApplicationScoped
public class BusyAnswer {
    private static final Logger LOG = Logger.getLogger(BusyAnswer.class);

    void register(@Observes Router router) {
        // Whatever failed a route with it: Quarkus' authentication hands a lookup's failure on to the failure handlers.
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (PoolExhaustion.in(context.failure()) && !context.response().ended()) {
                busy(context);
            } else {
                context.next();
            }
        });
    }

    /** True when {@code failure} was the pool's wait running out, which it then answers; false leaves the request alone. */
    static boolean answered(RoutingContext context, Throwable failure) {
        if (!PoolExhaustion.in(failure)) {
            return false;
        }
        if (!context.response().ended()) {
            busy(context);
        }
        return true;
    }

    /** An answer already under way (a streamed export) cannot become a 503: the connection is closed, which clients see as cut. */
    private static void busy(RoutingContext context) {
        if (context.response().headWritten()) {
            LOG.warnf("No database connection free within the acquisition timeout during the answer on %s", context.normalizedPath());
            context.response().reset();
        } else {
            send(context);
        }
    }

    static void send(RoutingContext context) {
        LOG.warnf("No database connection free within the acquisition timeout while recognising the caller on %s",
                context.normalizedPath());
        boolean html = RequestKind.wantsHtml(context.normalizedPath(), context.request().getHeader(HttpHeaders.ACCEPT),
                context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RetryAdvice.DATABASE_SECONDS))
                .putHeader(OpenAiError.SHOULD_RETRY, "true");
        HttpLayerErrors.refuse(context, 503, "database_unavailable", html ? Messages.BUSY_PAGE : Messages.DATABASE_BUSY);
    }

    /** The page a browser gets inside a request, drawn without asking who is there: that would wait for a connection again. */
    static String page() {
        return ErrorPage.busyInRequest(503, "Service Unavailable", Messages.BUSY_HEADING, Messages.BUSY_PAGE);
    }
}
