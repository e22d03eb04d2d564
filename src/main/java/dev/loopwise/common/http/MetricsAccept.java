package dev.loopwise.common.http;

import dev.loopwise.common.Messages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Prometheus' endpoint sits on the management paths' own router, which Vert.x matches by the Accept header: it takes
 * text/plain (or a wildcard that covers it) and answers anything else with an empty 406, which no handler here could fill
 * in. So the same test is made first, on this router, and the refusal says in words what to accept. It runs after the
 * caller's roles were checked, so only an admin learns what the address takes.
 */
@ApplicationScoped
public class MetricsAccept {
    static final String PATH = "/q/metrics";

    void register(@Observes Router router) {
        router.route(PATH).order(RolesFirst.ORDER + 4).handler(context -> {
            if (takes(context.request().getHeader(HttpHeaders.ACCEPT))) {
                context.next();
            } else {
                HttpLayerErrors.refuse(context, 406, "not_acceptable", Messages.NOT_ACCEPTABLE);
            }
        });
    }

    /** Whether Vert.x finds text/plain among the types asked for; like it, this reads the names as written. */
    static boolean takes(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].strip();
            if (type.equals("*/*") || type.equals("*") || type.equals("text/*") || type.equals("text/plain")) {
                return true;
            }
        }
        return false;
    }
}
