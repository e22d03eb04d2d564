package dev.loopwise.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Quarkus refuses an address Java cannot parse (a malformed %-escape, a raw space or quote) with an empty 400
 * before any route runs. {@link #HANDED_OVER} hands that check to this route, which refuses the same addresses with
 * the sentence that says what to fix, in the page or error shape the caller reads. It runs first, before anything
 * reads the path or the query (the security headers' filter included), so the page carries a strict policy of its own.
 */
@ApplicationScoped
public class HttpLayerErrors {
    /** The system property that switches Quarkus' own check off; set by the launcher's entry point and by the tests. */
    public static final String HANDED_OVER = "vertx.disableURIValidation";
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            try {
                new URI(context.request().uri());
                context.next();
            } catch (URISyntaxException e) {
                refuse(context, Messages.malformedAddress(e.getReason(), e.getIndex()));
            }
        });
    }

    private static void refuse(RoutingContext context, String message) {
        String uri = context.request().uri();
        String accept = String.valueOf(context.request().getHeader(HttpHeaders.ACCEPT));
        boolean api = uri.startsWith("/api/") || uri.startsWith("/v1/");
        var response = context.response().setStatusCode(400).putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (!api && accept.contains("text/html")) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .end(ErrorMapper.Templates.error(400, "Bad Request", message).render());
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(Json.encode(uri.startsWith("/v1/") ? OpenAiError.of(400, "malformed_address", message)
                            : new ApiError("malformed_address", message)));
        }
    }
}
