package dev.loopwise.common.http;

import dev.loopwise.common.Messages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
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
 * after leasing an item, instead of refusing.</li>
 * </ul>
 * It runs after {@link RolesFirst}, so a 406 is said only to a caller allowed at the address.
 */
@ApplicationScoped
public class AcceptHeader {
    void register(@Observes Router router) {
        router.route().order(RolesFirst.ORDER + 5).handler(context -> {
            String accept = context.request().getHeader(HttpHeaders.ACCEPT);
            if (accept != null && accept.isBlank()) {
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

    private static boolean answersJson(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/v1/"));
    }

    /** The types a route answers in: those it names, or JSON for an API route that names none (the resources' default). */
    private static List<String> answersIn(AllowedMethods.Route route, String path) {
        return route.produces().isEmpty() && answersJson(path) ? List.of(MediaType.APPLICATION_JSON)
                : route.produces();
    }
}
