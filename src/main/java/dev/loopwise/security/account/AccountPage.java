package dev.loopwise.security.account;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.PagingMessages;
import dev.loopwise.security.Role;
import dev.loopwise.security.SecurityConfig;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The signed-in user's own account: change the password, create an API key (shown once), revoke one. Roles: admin, reviewer. */
@Path("/account")
@RolesAllowed({Role.ADMIN, Role.REVIEWER})
@Produces(MediaType.TEXT_HTML)
public class AccountPage {
    @Inject
    CurrentUser currentUser;
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    SessionStamps stamps;
    @Inject
    SecurityConfig security;
    @Context
    UriInfo uri;
    private static final String PASSWORD_CHANGED = "changed";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(User user, List<ApiKey> keys, String newKey, String error,
                                               PasswordError passwordError, String passwordNotice, String typedKeyName,
                                               String revokedShown, int minPasswordLength);
    }

    @GET
    public Response show(@CookieParam(NewKeyCookie.NAME) String newKey, @QueryParam("password") String password) {
        String secret = NewKeyCookie.secret(newKey);
        Response.ResponseBuilder shown = Response.ok(page(secret, null, null,
                PASSWORD_CHANGED.equals(password) && NoticeWindow.justNow(currentUser.user().sessionsValidFrom)
                        ? AccountMessages.PASSWORD_CHANGED : null));
        return (newKey == null ? shown : shown.cookie(NewKeyCookie.cleared("/account"))).build();
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword,
                                   @RestForm String repeatPassword) {
        try {
            Instant endedAt = users.changeOwnPassword(currentUser.name(), currentPassword, newPassword, repeatPassword);
            // Every other session of the account has ended; this one carries on. Answered with a new address: a reload of
            // the form's own answer would send the old password again as the current one, and be refused as a wrong one.
            return Response.seeOther(URI.create("/account?password=" + PASSWORD_CHANGED))
                    .cookie(stamps.renewal(currentUser.name(), endedAt, uri.getBaseUri().getScheme().equals("https"))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(page(null, null, PasswordError.of(e), null)).build();
        }
    }

    @POST
    @Path("/keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name) {
        try {
            // A form sends every field: an empty one is a name left out; one of spaces was typed, and is refused.
            ApiKeyService.CreatedKey created = keys.create(currentUser.name(), name == null || name.isEmpty() ? null : name);
            return Response.seeOther(URI.create("/account")).cookie(NewKeyCookie.carrying(created.secret(), "/account",
                    uri.getBaseUri().getScheme().equals("https"))).build();
        } catch (ApiException e) {
            // The refused name stays in its field, to be corrected rather than typed again.
            return Response.status(e.status).entity(page(null, e.getMessage(), null, null, name)).build();
        }
    }

    @POST
    @Path("/keys/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id) {
        keys.revoke(id, currentUser.name(), false);
        return Response.seeOther(URI.create("/account")).build();
    }

    private TemplateInstance page(String newKey, String error) {
        return page(newKey, error, null, null);
    }

    private TemplateInstance page(String newKey, String error, PasswordError passwordError, String passwordNotice) {
        return page(newKey, error, passwordError, passwordNotice, null);
    }

    private TemplateInstance page(String newKey, String error, PasswordError passwordError, String passwordNotice,
                                  String typedKeyName) {
        User user = currentUser.user();
        List<ApiKey> listed = ApiKey.listedForUser(user);
        String revokedShown = PagingMessages.newestShown((int) listed.stream().filter(ApiKey::isRevoked).count(),
                ApiKey.countRevoked(user), "revoked keys", "GET /api/v1/keys lists every one, a page at a time");
        return Templates.account(user, listed, newKey, error, passwordError, passwordNotice, typedKeyName, revokedShown,
                security.minPasswordLength());
    }
}
