package dev.loopwise.common.http;

import dev.loopwise.common.Messages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * The Accept header read as HTTP defines it, where RESTEasy does not:
 * <ul>
 * <li>an empty one ({@code Accept:} with nothing after it, as some HTTP clients send when told to send none) asks for
 * nothing in particular, as a missing one does; RESTEasy failed to parse it on the addresses that choose their type by
 * it (the audit and preference exports) and answered 500;</li>
 * <li>a type given {@code q=0} is one the caller does not take ({@code *}{@code /*;q=0}: none at all), where RESTEasy
 * answered in it anyway: such a request gets the 406 that a type the address never answers in gets (on the API and the
 * OpenAI-compatible paths, whose answers are JSON unless a resource names other types; pages keep RESTEasy's reading);</li>
 * <li>on those paths any other type they do not answer in ({@code application/xml}, {@code text/html}) or a header that names
 * no type ({@code garbage/}) gets that 406 too: RESTEasy chose the writer by the header where a method returns a
 * {@code Response}, so {@code /api/v1/review/next} answered XML or HTML with the item's Java text, or failed with a 500
 * after leasing an item, instead of refusing;</li>
 * <li>a form sent to a page is never refused for its Accept header: a script's form post that asked for JSON and lacked
 * its security token got a 406 instead of the CSRF refusal.</li>
 * </ul>
 * It runs after {@link RolesFirst}, so a 406 is said only to a caller allowed at the address.
 */
@ApplicationScoped
public class AcceptHeader {
    void register(@Observes Router router) {
        router.route().order(RolesFirst.ORDER + 5).handler(context -> {
            String accept = context.request().getHeader(HttpHeaders.ACCEPT);
            if (accept != null && !accept.isBlank() && formToPage(context)) {
                // A form sent to a page is answered as the page answers it (HTTP lets a server disregard Accept): RESTEasy
                // would refuse a type the page does not make (406) before the CSRF check, which runs once a method is
                // matched, could refuse a form without its token. The caller's own types stay first, so every refusal is
                // still in the shape they asked for.
                context.put(CALLERS_ACCEPT, accept);
                context.request().headers().set(HttpHeaders.ACCEPT, widened(accept));
            } else if (accept != null && accept.isBlank()) {
                context.request().headers().remove(HttpHeaders.ACCEPT);
            } else if (accept != null && (accept.toLowerCase(Locale.ROOT).contains("q=") || answersJson(context.normalizedPath()))) {
                String path = context.normalizedPath();
                String verb = context.request().method().name();
                List<AllowedMethods.Route> asked = path == null ? List.of() : RouteRules.forVerb(AllowedMethods.matching(path), verb);
                if (!asked.isEmpty() && asked.stream().noneMatch(route -> RouteRules.acceptsAny(accept, answersIn(route, path)))) {
                    HttpLayerErrors.refuse(context, 406, "not_acceptable", Messages.NOT_ACCEPTABLE);
                    return;
                }
            }
            context.next();
        });
    }

    /** Where a widened request keeps the Accept header its caller sent, for {@link FormAcceptCheck}. */
    static final String CALLERS_ACCEPT = "loopwise.callers-accept";

    /** Any type, weighed below every type a caller names (HTTP's lowest weight above none). */
    static final String ANY_AT_LAST = "*/*;q=0.001";

    /** The caller's types that parse (RESTEasy refuses a header with a part that does not, "garbage/"), then any type. */
    static String widened(String accept) {
        StringBuilder kept = new StringBuilder();
        for (String part : RouteRules.acceptParts(accept)) {
            try {
                MediaType.valueOf(part);
                kept.append(part).append(", ");
            } catch (IllegalArgumentException e) {
                // Dropped: a part that names no type asks for nothing.
            }
        }
        return kept + ANY_AT_LAST;
    }

    /** A form (the CSRF check reads its token) sent to a page's address, not to the API or the operations paths. */
    private static boolean formToPage(RoutingContext context) {
        String path = context.normalizedPath();
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        HttpMethod method = context.request().method();
        if (path == null || type == null || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || answersJson(path) || path.startsWith("/q/")) {
            return false;
        }
        String sent = type.strip().toLowerCase(Locale.ROOT);
        return sent.startsWith(MediaType.APPLICATION_FORM_URLENCODED) || sent.startsWith(MediaType.MULTIPART_FORM_DATA);
    }

    private static boolean answersJson(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/v1/"));
    }

    /** The types a route answers in: those it names, or JSON for an API route that names none (the resources' default). */
    private static List<String> answersIn(AllowedMethods.Route route, String path) {
        return route.produces().isEmpty() && answersJson(path) ? List.of(MediaType.APPLICATION_JSON)
                : route.produces();
    }
}
