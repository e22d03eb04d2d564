package dev.loopwise.common.http;

import dev.loopwise.common.HttpMessages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

/**
 * A Content-Type header that names no media type ({@code garbage}, {@code text/}, {@code ;}) is refused with a 415 that
 * says how to write one. RESTEasy's request filters read the header on every request that may carry a body, and failed
 * to parse it with a 500 on each address that names no body type of its own (a cancel, a revoke, an account's change);
 * the addresses that do name one answered 415. It runs after {@link RolesFirst}, so the 415 is said only to a caller
 * allowed at the address, as the others are. A header sent empty names nothing, so it is read as left out: RESTEasy
 * failed to parse it with a 500 on every address, where a client that writes the header whatever it sends meant none.
 */
@ApplicationScoped
public class ContentTypeHeader {
    void register(@Observes Router router) {
        router.route().order(RolesFirst.ORDER + 6).handler(context -> {
            HttpMethod method = context.request().method();
            String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType != null && contentType.isBlank()) {
                context.request().headers().remove(HttpHeaders.CONTENT_TYPE);
                contentType = null;
            }
            if (contentType != null && spacedParameters(contentType)) {
                contentType = contentType.strip();
                int semicolon = contentType.indexOf(';');
                contentType = contentType.substring(0, semicolon).strip() + contentType.substring(semicolon);
                context.request().headers().set(HttpHeaders.CONTENT_TYPE, contentType);
            }
            if (method != HttpMethod.GET && method != HttpMethod.HEAD && contentType != null && !mediaType(contentType)) {
                HttpLayerErrors.refuse(context, 415, "unsupported_media_type", HttpMessages.malformedContentType(contentType.strip()));
                return;
            }
            context.next();
        });
    }

    /**
     * HTTP allows blanks before the semicolon of the parameters ({@code application/json ; charset=utf-8}), which RESTEasy
     * keeps in the subtype, so the address answered that it does not read {@code application/json} and asked for it.
     */
    static boolean spacedParameters(String contentType) {
        int semicolon = contentType.indexOf(';');
        return semicolon > 0 && Character.isWhitespace(contentType.charAt(semicolon - 1));
    }

    /** Whether the header parses as RESTEasy reads it. */
    static boolean mediaType(String contentType) {
        try {
            MediaType.valueOf(contentType.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
