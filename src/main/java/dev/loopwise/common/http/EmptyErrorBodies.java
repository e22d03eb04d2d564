package dev.loopwise.common.http;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Some framework filters refuse a request with a bare status (the CSRF check answers an empty 400);
 * every refusal should say what to do, so this fills in the sentence.
 */
public class EmptyErrorBodies {

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        boolean formPost = request.getMediaType() != null
                && (request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        boolean api = request.getUriInfo().getPath().startsWith("/api/");
        // On a page, a form the CSRF check refused had no valid security token: a refusal of who sent it, as the origin
        // check's is (403), not a mistake in what was typed, whatever type the caller asked the answer in.
        boolean expiredForm = response.getStatus() == 400 && formPost && !api;
        if (expiredForm) {
            response.setStatus(Status.FORBIDDEN.getStatusCode());
        }
        // The judging page sends its token in a header: a refusal there is an expired page too, not a bare "Bad Request."
        boolean pageToken = response.getStatus() == 400 && !api && request.getHeaderString("X-CSRF-TOKEN") != null;
        String code = expiredForm ? "form_expired" : response.getStatus() == 400 && formPost ? "form_not_accepted"
                : pageToken ? "page_expired" : "request_refused";
        String message = expiredForm ? Messages.FORM_EXPIRED
                : response.getStatus() == 400 && formPost ? Messages.apiTakesNoForms(request.getUriInfo().getPath())
                : pageToken ? HttpMessages.PAGE_EXPIRED : response.getStatusInfo().getReasonPhrase() + ".";
        boolean html = RequestKind.wantsHtml(request.getUriInfo().getPath(), request.getHeaderString(HttpHeaders.ACCEPT),
                request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        if (html) {
            String title = response.getStatusInfo().getReasonPhrase();
            String heading = expiredForm ? HttpMessages.FORM_EXPIRED_HEADING : HttpMessages.errorHeading(response.getStatus(), title);
            response.setEntity(ErrorPage.inRequest(response.getStatus(), title, heading, message), null, ErrorPage.TYPE);
        } else {
            response.setEntity(new ApiError(code, message), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
