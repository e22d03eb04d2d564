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
 * learns what the address takes. OPTIONS is answered here too, with the methods and no body: the handlers answered it as
 * a GET, running the health checks (a database query) and sending the metrics or the whole document to a request that
 * only asked what the address takes. It runs before {@link MetricsAccept}, which would otherwise answer a POST asking
 * for JSON or a page with 406 as if the method were fine. Any method but GET and HEAD (which reach the handler's own
 * 404) on an address under those roots that GET answers with 404 (/q/health/x, /q/openapi.xyz) is a 404 too: a 405 or
 * an OPTIONS naming the methods of an address that is not there tells the caller it is.
 */
@ApplicationScoped
public class OperationsMethods {
    static final String READ_ONLY = "GET, HEAD";
    private static final Set<HttpMethod> HANDLED = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    /**
     * SmallRye Health's addresses (their default names, which OperationsPathsTest keeps application.properties to); any
     * group name answers, with no checks when none is in it.
     */
    private static final Set<String> HEALTH = Set.of("", "/live", "/ready", "/started", "/well", "/group");
    /** SmallRye OpenAPI's: the document, and under one name per format. */
    private static final Set<String> OPENAPI = Set.of("", ".json", ".yaml", ".yml");

    void register(@Observes Router router) {
        router.route().order(RolesFirst.ORDER + 3).handler(context -> {
            String path = context.normalizedPath();
            HttpMethod method = context.request().method();
            if (path == null || !isOperations(path) || HANDLED.contains(method)) {
                context.next();
            } else if (!answers(path)) {
                HttpLayerErrors.refuse(context, 404, "not_found", Messages.NOT_FOUND);
            } else if (HttpMethod.OPTIONS.equals(method)) {
                context.response().setStatusCode(204).putHeader("Allow", AllowedMethods.header(READ_ONLY)).end();
            } else {
                context.response().putHeader("Allow", AllowedMethods.header(READ_ONLY));
                HttpLayerErrors.refuse(context, 405, "method_not_allowed", Messages.methodNotAllowed(READ_ONLY));
            }
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

    /**
     * Whether GET finds something at this operations address, told from its name alone: running the handler to see
     * would run the health checks. A trailing slash is taken as GET takes it; the metrics handler answers every address
     * under /q/metrics/.
     */
    static boolean answers(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.startsWith("/q/health")) {
            String rest = trimmed.substring("/q/health".length());
            return HEALTH.contains(rest) || rest.startsWith("/group/");
        }
        if (trimmed.startsWith("/q/metrics")) {
            return trimmed.equals("/q/metrics") || trimmed.startsWith("/q/metrics/");
        }
        return OPENAPI.contains(trimmed.substring("/q/openapi".length()));
    }
}
