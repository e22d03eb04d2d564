package dev.loopwise.common.http;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.Messages;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * What a request without a valid session or key gets: a browser is sent to sign in (and back here afterwards), a client
 * gets 401 in the JSON error shape, saying whether its session expired.
 */
final class SignInAnswer {
    private SignInAnswer() {
    }

    static Response of(String apiMessage, UriInfo uri, HttpHeaders headers) {
        if (RequestKind.wantsHtml(uri, headers)) {
            boolean hadSession = headers.getCookies().containsKey(ErrorMapper.SESSION_COOKIE);
            String target = hadSession ? SessionEnd.signInAddress(SessionEnd.accountDisabled()) : "/login";
            Response.ResponseBuilder redirect = Response.seeOther(URI.create(target))
                    // Quarkus' form login sends the user back here after signing in; it accepts only an
                    // absolute address on this very host.
                    .cookie(new NewCookie.Builder(ErrorMapper.RETURN_TO_COOKIE).value(uri.getRequestUri().toString())
                            .path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX).maxAge(600).build());
            if (hadSession) {
                // The session is over (ended, expired, its account disabled): forget it, or the sign-in page, which
                // asks who is there, would refuse it again and send the browser round in circles.
                redirect.cookie(new NewCookie.Builder(ErrorMapper.SESSION_COOKIE).value("").path("/").httpOnly(true).maxAge(0).build());
            }
            return redirect.build();
        }
        // Only a request that brought a session cookie had a session that could expire.
        boolean expired = !RequestKind.isApi(uri) && headers.getCookies().containsKey(ErrorMapper.SESSION_COOKIE);
        boolean disabled = expired && SessionEnd.accountDisabled();
        String code = disabled ? "account_disabled" : expired ? "session_expired" : "unauthenticated";
        String message = disabled ? AccountMessages.SESSION_DISABLED : expired ? Messages.SESSION_EXPIRED
                : RequestKind.isApi(uri) ? apiMessage : Messages.SIGN_IN_OR_KEY;
        return Response.status(Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"loopwise\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorMapper.body(Status.UNAUTHORIZED, code, message, null, uri)).build();
    }
}
