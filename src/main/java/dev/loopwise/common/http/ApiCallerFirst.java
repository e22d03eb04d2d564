package dev.loopwise.common.http;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;

/**
 * On the API and the OpenAI-compatible paths, who calls is settled before anything is said about the request: a
 * stranger, or a key that is not valid, gets the 401 every endpoint there gives, where a body too large (413), of the
 * wrong type (415), a wrong method (405) or an unknown address (404) would tell which addresses exist and what they
 * take. Every endpoint there needs a role, so no caller that would be let in is turned away. The pages keep their own
 * order: a stranger is sent to sign in by the page itself.
 */
@ApplicationScoped
public class ApiCallerFirst {
    /**
     * After Quarkus' authentication (-200) and authorization (-100) handlers, which set up the caller's identity to be
     * read on demand; before {@link PayloadLimit} and the resources.
     */
    static final int ORDER = -90;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String path = context.normalizedPath();
            if (path == null || !(path.startsWith("/api/") || path.startsWith("/v1/"))) {
                context.next();
                return;
            }
            int authorizations = credentials(context.request().headers().getAll(HttpHeaders.AUTHORIZATION));
            if (authorizations > 1) {
                refuse(context, HttpMessages.severalAuthorizationHeaders(authorizations));
                return;
            }
            // The key is looked up in the database off the event loop; the request goes on where it started.
            Context started = Vertx.currentContext();
            QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(identity -> {
                if (identity == null || identity.isAnonymous()) {
                    refuse(context, Messages.UNAUTHENTICATED);
                } else if (started == null || started == Vertx.currentContext()) {
                    context.next();
                } else {
                    started.runOnContext(ignored -> context.next());
                }
            }, failure -> {
                if (BusyAnswer.answered(context, failure)) {
                    return;
                }
                if (failure instanceof AuthenticationFailedException || failure.getCause() instanceof AuthenticationFailedException) {
                    refuse(context, Messages.BAD_API_KEY);
                } else {
                    context.fail(failure);
                }
            });
        });
    }

    /**
     * How many credentials the Authorization headers carry: one each, or as many as one joins with commas (as a proxy may
     * join repeated headers). No key holds a comma, so a comma always parts two.
     */
    static int credentials(List<String> headers) {
        int count = 0;
        for (String header : headers) {
            count += (int) Math.max(1, Arrays.stream(header.split(",")).filter(part -> !part.isBlank()).count());
        }
        return count;
    }

    /**
     * The answer {@link ErrorMapper} gives a stranger on these paths, in the shape their clients read (the security
     * headers' filter runs before this one and adds its headers here too). A body the caller is still sending is not
     * read: the connection closes after the answer.
     */
    private static void refuse(RoutingContext context, String message) {
        if (context.response().ended()) {
            return;
        }
        boolean openAi = context.normalizedPath().startsWith("/v1/");
        boolean bodyPending = context.request().headers().contains(HttpHeaders.CONTENT_LENGTH)
                || context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (bodyPending) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"loopwise\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(openAi ? OpenAiError.of(401, "unauthenticated", message) : new ApiError("unauthenticated", message)));
    }
}
