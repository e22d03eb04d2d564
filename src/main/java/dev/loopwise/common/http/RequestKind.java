package dev.loopwise.common.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/**
 * Tells API calls (JSON answers) from browser page requests (HTML answers): the one rule every refusal follows, whether
 * a resource's mapper, a response filter or a route ahead of the resources draws it.
 */
public final class RequestKind {
    private RequestKind() {
    }

    public static boolean isApi(UriInfo uri) {
        return isApiPath(uri.getPath());
    }

    static boolean isApiPath(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/v1/"));
    }

    /** The OpenAI-compatible endpoints, whose clients (OpenAI SDKs) read errors in OpenAI's shape. */
    public static boolean isOpenAi(UriInfo uri) {
        return uri.getPath().startsWith("/v1/");
    }

    public static boolean wantsHtml(UriInfo uri, HttpHeaders headers) {
        return wantsHtml(uri.getPath(), headers.getHeaderString(HttpHeaders.ACCEPT), headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    }

    /**
     * A page's address answers a page to whoever names text/html. A form sent to one came from a page too, since the API
     * takes no forms, so it gets a page unless its sender asks for JSON: a form whose sender named no type ({@code curl -d}
     * sends any type) was otherwise answered a page when the resource refused it and JSON when the address did, for one
     * mistake in one form.
     */
    public static boolean wantsHtml(String path, String accept, String contentType) {
        if (isApiPath(path)) {
            return false;
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (accepted.contains("text/html")) {
            return true;
        }
        return !accepted.contains("json") && isForm(contentType);
    }

    private static boolean isForm(String contentType) {
        String sent = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        return sent.startsWith("application/x-www-form-urlencoded") || sent.startsWith("multipart/form-data");
    }
}
