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
     * A page's address answers a page unless its client asks for JSON: by naming it in Accept, or by sending a JSON body
     * (the pages' own scripts do both). Browsers' requests and curl name any type ({@code *}/{@code *}) or none, and were
     * otherwise answered JSON for a mistyped id in a page's address; a form sent with {@code curl -d} is a page's form too.
     */
    public static boolean wantsHtml(String path, String accept, String contentType) {
        if (isApiPath(path)) {
            return false;
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (accepted.contains("text/html")) {
            return true;
        }
        // The operations endpoints (/q/metrics, /q/openapi) are read by scrapers and tools, which name */* as well.
        return !path.startsWith("/q/") && !accepted.contains("json") && !isJson(contentType);
    }

    private static boolean isJson(String contentType) {
        String sent = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        return sent.startsWith("application/json") || sent.contains("+json");
    }
}
