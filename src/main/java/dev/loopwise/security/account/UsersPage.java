package dev.loopwise.security.account;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.http.FormValues;
import dev.loopwise.security.Role;
import dev.loopwise.security.RoleNames;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The people who use Loopwise: add one, change a role, set a new password, disable or enable. Roles: admin. */
@Path(UsersPage.PATH)
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class UsersPage {
    static final String PATH = "/admin/users";
    /** What the helpdesk section's key forms send as {@code from}, so that a refusal is shown at the form the lead used. */
    static final String HELPDESK_FORM = "helpdesk";
    @Context
    UriInfo uri;
    @Inject
    UserService users;
    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<User> users, Map<Long, List<ApiKey>> activeKeys, String me, String error, String notice, NewUser typed, int minPassword,
                                             IssuedKey issued, RefusedKey refusedKey, String refusedField, RefusedChange refusedChange);
    }

    /**
     * A key name refused for an account, shown again with the name typed at the form it came from: the account's fold
     * in the list, or its line under "Create an API key for a helpdesk" ({@code atHelpdesk}).
     */
    public record RefusedKey(long userId, String name, boolean atHelpdesk, String error) {
        public boolean shownInFold(long id) {
            return !atHelpdesk && userId == id;
        }

        public boolean shownAtHelpdesk(long id) {
            return atHelpdesk && userId == id;
        }
    }

    /** A key just created for an account, shown once. */
    public record IssuedKey(String username, String key) {
    }

    @Inject
    ApiKeyService keys;

    /** What was typed into "Add a user", shown again when it was refused (the password is never sent back). */
    public record NewUser(String username, String displayName, String role) {
        static final NewUser EMPTY = new NewUser("", "", "reviewer");
    }

    @Inject
    SecurityConfig config;
    @Inject
    SessionStamps stamps;

    @GET
    public Response list(@QueryParam("created") String created, @QueryParam("updated") String updated,
                         @QueryParam("keyFor") String keyFor, @QueryParam("revokedKey") Long revokedKey,
                         @CookieParam(NewKeyCookie.NAME) String newKey) {
        // Only an existing account's name (or a revoked key's) is shown: any other text in the address would be a notice
        // planted by a link.
        String notice = created != null && User.findByUsername(created).isPresent() ? "Created the account " + created + "."
                : updated != null && User.findByUsername(updated).isPresent() ? "Saved the changes to " + updated + "."
                : revokedKey != null ? ApiKey.<ApiKey>findByIdOptional(revokedKey).filter(key -> NoticeWindow.justNow(key.revokedAt))
                        .map(key -> AccountMessages.keyRevoked(key.name, key.user.username, key.user.isEnabled())).orElse(null) : null;
        String secret = NewKeyCookie.secret(newKey);
        IssuedKey issued = secret != null && keyFor != null ? new IssuedKey(keyFor, secret) : null;
        Response.ResponseBuilder shown = Response.ok(page(null, notice, NewUser.EMPTY, issued));
        return (newKey == null ? shown : shown.cookie(NewKeyCookie.cleared(PATH))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm String role,
                           @RestForm String displayName) {
        try {
            // A form sends every field: an empty one is one left out; one of spaces was typed, and is refused.
            User user = users.create(username, password == null || password.isEmpty() ? null : password, role,
                    displayName == null || displayName.isEmpty() ? null : displayName);
            return Response.seeOther(URI.create("/admin/users?created=" + user.username)).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(page(e.getMessage(), null, new NewUser(username == null ? "" : username,
                    displayName == null ? "" : displayName, role == null ? "reviewer" : role), null, null, fieldOf(e))).build();
        }
    }

    /** A blank password field leaves the password as it is. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String displayName, @RestForm String role,
                           @RestForm String password, @RestForm String status) {
        try {
            String chosen = status == null || status.isBlank() ? null : FormValues.oneOf("status", status, "enabled", "disabled");
            Boolean disabled = chosen == null ? null : chosen.equals("disabled");
            String newPassword = password == null || password.isEmpty() ? null : password;
            Instant asked = Instant.now().truncatedTo(ChronoUnit.MICROS);
            User user = users.update(currentUser.name(), id, new UserService.UserChange(shownName(id, displayName), role == null ? null : new RoleNames(role), newPassword, disabled));
            Response.ResponseBuilder saved = Response.seeOther(URI.create("/admin/users?updated=" + user.username));
            // An admin who changed their own role or password here ended their other sessions; this one carries on, as
            // on Account, rather than signing them out without a word on the way back to this page.
            boolean endedOwn = user.username.equals(currentUser.name()) && user.sessionsValidFrom != null
                    && !user.sessionsValidFrom.toInstant().isBefore(asked);
            return (endedOwn ? saved.cookie(stamps.renewal(user.username, user.sessionsValidFrom.toInstant(),
                    uri.getBaseUri().getScheme().equals("https"))) : saved).build();
        } catch (ApiException e) {
            // An account no longer listed (deleted meanwhile, or a bad address) has no form to say it under.
            return User.findByIdOptional(id).isEmpty() ? refused(e) : Response.status(e.status).entity(page(null, null,
                    NewUser.EMPTY, null, null, null, RefusedChange.of(id, displayName, role, status, e))).build();
        }
    }

    /**
     * An API key for someone else's account, typically a helpdesk integration's service account: without this the only
     * way from a browser was a key on the admin's own account, which carries the admin's rights.
     */
    @POST
    @Path("/{id}/keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createKey(@PathParam("id") long id, @RestForm String name, @RestForm String from) {
        try {
            User user = User.<User>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(AccountMessages.noAccount(id)));
            // A form sends every field: an empty one is a name left out; one of spaces was typed, and is refused.
            String given = name == null || name.isEmpty() ? null : name;
            ApiKeyService.CreatedKey created = keys.create(user.username, given, user.username + " key", null);
            return Response.seeOther(URI.create(PATH + "?keyFor=" + user.username))
                    .cookie(NewKeyCookie.carrying(created.secret(), PATH, uri.getBaseUri().getScheme().equals("https"))).build();
        } catch (ApiException e) {
            // At the helpdesk form the sentence stands under the form itself, not at the top of the page as well; an account
            // no longer listed there (disabled, deleted or given another role meanwhile) has no form to stand under.
            boolean atHelpdesk = HELPDESK_FORM.equals(from) && User.<User>findByIdOptional(id)
                    .map(user -> !AccountFormats.helpdeskAccounts(List.of(user)).isEmpty()).orElse(false);
            return Response.status(e.status).entity(page(atHelpdesk ? null : e.getMessage(), null, NewUser.EMPTY, null,
                    new RefusedKey(id, name, atHelpdesk, e.getMessage()))).build();
        }
    }

    /** An admin ends any account's key: a helpdesk's leaked key without disabling the whole integration. */
    @POST
    @Path("/{id}/keys/{keyId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeKey(@PathParam("id") long id, @PathParam("keyId") long keyId) {
        try {
            User user = User.<User>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(AccountMessages.noAccount(id)));
            // The owner is checked before anything changes: a key of another account is "not found" and stays as it was.
            // Said of the key itself: "saved the changes" left the lead unsure the key had stopped working.
            ApiKey revoked = keys.revoke(keyId, currentUser.name(), true, user.id);
            return Response.seeOther(URI.create(PATH + "?revokedKey=" + revoked.id)).build();
        } catch (ApiException e) {
            return refused(e);
        }
    }

    private Response refused(ApiException e) {
        return Response.status(e.status).entity(page(e.getMessage(), null, NewUser.EMPTY, null)).build();
    }

    private TemplateInstance page(String error, String notice, NewUser typed, IssuedKey issued) {
        return page(error, notice, typed, issued, null, null);
    }

    private TemplateInstance page(String error, String notice, NewUser typed, IssuedKey issued, RefusedKey refusedKey) {
        return page(error, notice, typed, issued, refusedKey, null);
    }

    private TemplateInstance page(String error, String notice, NewUser typed, IssuedKey issued, RefusedKey refusedKey,
                                  String refusedField) {
        return page(error, notice, typed, issued, refusedKey, refusedField, RefusedChange.NONE);
    }

    private TemplateInstance page(String error, String notice, NewUser typed, IssuedKey issued, RefusedKey refusedKey,
                                  String refusedField, RefusedChange refusedChange) {
        List<User> listed = User.listByName();
        return Templates.users(listed, ApiKey.activeByUser(listed), currentUser.name(), error, notice, typed, config.minPasswordLength(),
                issued, refusedKey, refusedField, refusedChange);
    }

    /** An emptied name field shows the username again, as an account made without a name does; spaces are refused. */
    private static String shownName(long id, String typed) {
        if (typed == null || !typed.isEmpty()) {
            return typed;
        }
        User user = User.findById(id);
        return user == null ? null : user.username;
    }

    /** The field of "Add a user" a refusal is about, which the page marks and puts the cursor in; null when none is. */
    static String fieldOf(ApiException refused) {
        return switch (refused.code == null ? "" : refused.code) {
            case "invalid_username", "username_taken" -> "username";
            case "invalid_display_name" -> "displayName";
            case "password_needed", "weak_password", "invalid_password", "password_too_long", "service_password" -> "password";
            case "invalid_roles", "unknown_role", "conflicting_roles" -> "role";
            default -> null;
        };
    }
}
