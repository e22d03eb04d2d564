package dev.loopwise.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Every HTML answer names its charset. A page built as a {@code Response} (to set a cookie or a status) is labelled
 * plain {@code text/html}, where one returned as a template gets {@code charset=UTF-8}: without it a browser, a proxy or
 * a saved copy guesses the encoding of the names and quotes on the page until it reaches the page's meta tag. The type
 * is settled only when the page is written, so it is completed as the headers leave, for HEAD as for GET.
 */
@ApplicationScoped
public class HtmlCharset {
    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> complete(context.response().headers()));
            context.next();
        }, 2000);
    }

    static void complete(MultiMap headers) {
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.strip().toLowerCase(Locale.ROOT).equals("text/html")) {
            headers.set(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
        }
    }
}
