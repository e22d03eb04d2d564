package dev.loopwise.common.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every HTML answer names its charset. A page built as a {@code Response} (to set a cookie or a status) is labelled
 * plain {@code text/html}, where one returned as a template gets {@code charset=UTF-8}: without it a browser, a proxy or
 * a saved copy guesses the encoding of the names and quotes on the page until it reaches the page's meta tag.
 */
public class HtmlCharset {
    @ServerResponseFilter
    public void nameCharset(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && "text".equalsIgnoreCase(type.getType()) && "html".equalsIgnoreCase(type.getSubtype())
                && !type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.withCharset("UTF-8"));
        }
    }
}
