package dev.loopwise.common.http;

import dev.loopwise.common.Messages;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Health, metrics and the API document are read-only, but their handlers answer every method: a POST, PUT or DELETE of
 * /q/metrics got the metrics with 200, as if something had been done. Such a request gets the 405 any address gives,
 * naming the methods it takes. It runs after the management paths' roles were checked, so only a caller allowed there
 * learns what the address takes; OPTIONS keeps the handlers' own answer. It runs before {@link MetricsAccept}, which
 * would otherwise answer a POST asking for JSON or a page with 406 as if the method were fine.
 */
@ApplicationScoped
public class OperationsMethods {
    static final String READ_ONLY = "GET, HEAD";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    void register(@Observes Router router) {
        router.route().order(RolesFirst.ORDER + 3).handler(context -> {
            String path = context.normalizedPath();
            if (path != null && isOperations(path) && !READS.contains(context.request().method())) {
                context.response().putHeader("Allow", AllowedMethods.header(READ_ONLY));
                HttpLayerErrors.refuse(context, 405, "method_not_allowed", Messages.methodNotAllowed(READ_ONLY));
                return;
            }
            context.next();
        });
    }

    /** Swagger UI's files are left to their handler, which answers other methods with a 404 already. */
    static boolean isOperations(String path) {
        for (String root : new String[] {"/q/health", "/q/metrics", "/q/openapi"}) {
            if (path.equals(root) || path.startsWith(root + "/") || path.startsWith(root + ".")) {
                return true;
            }
        }
        return false;
    }
}
