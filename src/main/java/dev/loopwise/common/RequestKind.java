package dev.loopwise.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Tells API calls (JSON answers) from browser page requests (HTML answers). */
public final class RequestKind {
    private RequestKind() {
    }

    public static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    public static boolean wantsHtml(UriInfo uri, HttpHeaders headers) {
        if (isApi(uri)) {
            return false;
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
    }
}
