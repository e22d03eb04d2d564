package dev.loopwise.common.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Tells API calls (JSON answers) from browser page requests (HTML answers). */
public final class RequestKind {
    private RequestKind() {
    }

    public static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/") || isOpenAi(uri);
    }

    /** The OpenAI-compatible endpoints, whose clients (OpenAI SDKs) read errors in OpenAI's shape. */
    public static boolean isOpenAi(UriInfo uri) {
        return uri.getPath().startsWith("/v1/");
    }

    public static boolean wantsHtml(UriInfo uri, HttpHeaders headers) {
        if (isApi(uri)) {
            return false;
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
    }
}
