package dev.loopwise.security.account;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.common.http.ErrorMapper;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.apikey.ApiKeyIdentityProvider;
import dev.loopwise.security.user.LoginThrottle;
import dev.loopwise.security.user.UserService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Browser sign-in. The form posts to Quarkus' form authentication ({@code /j_security_check}), which
 * checks the bcrypt hash and sets an encrypted, expiring session cookie. Roles: anyone; logout: signed in.
 */
@Path("/")
public class LoginPage {
    @Inject
    SecurityIdentity identity;
    @Inject
    LoginThrottle throttle;
    @Inject
    UserService users;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, String notice);
    }

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("expired") boolean expired,
                          @QueryParam("disabled") boolean disabled, @QueryParam("loggedOut") boolean loggedOut, @QueryParam("retryAfter") String retryAfter) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        String notice = disabled ? AccountMessages.SESSION_DISABLED : expired ? Messages.SESSION_EXPIRED
                : loggedOut ? Messages.LOGGED_OUT : null;
        if ("locked".equals(error)) {
            long seconds = lockedFor(retryAfter, throttle.lockoutSeconds());
            return Response.status(429).header("Retry-After", seconds)
                    .entity(Templates.login(Messages.loginLocked(seconds), notice)).build();
        }
        if ("disabled".equals(error) || "service".equals(error)) {
            return Response.status(403).entity(Templates.login("disabled".equals(error) ? AccountMessages.SIGN_IN_DISABLED
                    : AccountMessages.SIGN_IN_SERVICE, notice)).build();
        }
        boolean failed = error != null;
        return Response.status(failed ? 401 : 200).entity(Templates.login(failed ? Messages.LOGIN_FAILED : null, notice)).build();
    }

    /**
     * The time left that the refused sign-in sent along, within the lockout: the address can be typed by hand, and a
     * missing or odd value says the longest the lock can last rather than nothing.
     */
    static long lockedFor(String retryAfter, long lockoutSeconds) {
        long seconds = retryAfter != null && retryAfter.matches("\\d{1,9}") ? Long.parseLong(retryAfter) : lockoutSeconds;
        return Math.min(Math.max(1, seconds), lockoutSeconds);
    }

    @POST
    @Path("logout")
    @Authenticated
    // Only the page's form ends a session; its token is checked as every change a session makes is.
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(RoutingContext routingContext) {
        // A key-authenticated caller has no session to end.
        if (identity.getAttribute(ApiKeyIdentityProvider.AUTHENTICATED_BY) == null) {
            // Clearing the cookie alone would leave any copy of it valid: end every session of the account.
            users.endSessions(identity.getPrincipal().getName());
            // Expired with the attributes they were set with: a client's cookie store may keep an HttpOnly cookie
            // that a plain expiry does not match.
            for (String cookie : new String[] {ErrorMapper.SESSION_COOKIE, SessionStamps.COOKIE}) {
                routingContext.response().addCookie(Cookie.cookie(cookie, "").setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setMaxAge(0));
            }
        }
        return Response.seeOther(URI.create("/login?loggedOut=true")).build();
    }
}
