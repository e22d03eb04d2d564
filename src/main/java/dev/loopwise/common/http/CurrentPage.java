package dev.loopwise.common.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Which menu entry the page being drawn belongs to ({@code {inject:currentPage.is('/admin/models')}}), so the menu marks
 * where a person is: a version's page or Try a ticket sit under Models, the judging page under Review.
 */
@RequestScoped
@Named("currentPage")
public class CurrentPage {
    /** The admin's home: its address starts every admin page's, so only the page itself counts as Overview. */
    private static final String OVERVIEW = "/admin";

    @Inject
    CurrentVertxRequest request;

    public boolean is(String entry) {
        String path = path();
        return path.equals(entry) || (!entry.equals(OVERVIEW) && path.startsWith(entry + "/"));
    }

    private String path() {
        if (request == null || request.getCurrent() == null) {
            return "";
        }
        String path = request.getCurrent().normalizedPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
