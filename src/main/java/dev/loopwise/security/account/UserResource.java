package dev.loopwise.security.account;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.security.Role;
import dev.loopwise.security.RoleNames;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts. Listing, creating and changing them: admin. Who am I: any signed-in caller. */
@Path("/api/v1")
@Tag(name = "Accounts")
public class UserResource {
    @Inject
    UserService users;
    @Inject
    CurrentUser currentUser;

    public record UserView(@Schema(description = "The account's id (PATCH /api/v1/users/{id} changes it)") long id,
                           @Schema(description = "The name it signs in with", example = "reviewer1") String username,
                           @Schema(description = "The name shown on the pages", example = "Sam Reviewer") String displayName,
                           @Schema(description = "Its roles: admin, reviewer, service", example = "[\"reviewer\"]") Set<String> roles,
                           @Schema(description = "When it was created") OffsetDateTime createdAt,
                           @Schema(description = "When it was disabled; null while enabled") OffsetDateTime disabledAt) {
        static UserView of(User user) {
            return new UserView(user.id, user.username, user.displayName, user.roleSet(), user.createdAt, user.disabledAt);
        }
    }

    @Schema(description = "A new account")
    public record CreateUserRequest(
            @Schema(required = true, minLength = 2, maxLength = 64, description = "2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or"
                    + " digit; not in use", example = "reviewer4") String username,
            @Schema(description = "At least LOOPWISE_SECURITY_MIN_PASSWORD_LENGTH characters (10 by default) and at most 72 bytes; required"
                    + " unless the account is a service account, which takes none (it uses API keys only)", example = "a-long-passphrase")
            String password,
            @Schema(required = true, description = "admin, reviewer or service: one name, names separated by commas or an array of names;"
                    + " reviewer and service cannot be combined", example = "reviewer") RoleNames roles,
            @Schema(maxLength = 128, description = "Optional: the name shown on the pages, at most 128 characters; default the username", example = "Sam Reviewer")
            String displayName) {
    }

    @Operation(summary = "Who am I", description = "The calling account.")
    @GET
    @Path("/me")
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    public UserView me() {
        return UserView.of(currentUser.user());
    }

    @Operation(summary = "List accounts", description = "Every account with its roles.")
    @GET
    @Path("/users")
    @RolesAllowed(Role.ADMIN)
    public List<UserView> list() {
        return User.listByName().stream().map(UserView::of).toList();
    }

    @Operation(summary = "Get an account", description = "As the account list shows it, with its roles.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No account has that id. Code: not_found")
    @GET
    @Path("/users/{id}")
    @RolesAllowed(Role.ADMIN)
    public UserView get(@PathParam("id") long id) {
        return UserView.of(User.<User>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(AccountMessages.noAccount(id))));
    }

    @Operation(summary = "Create an account", description = "Roles admin, reviewer or service; a service account takes no password.")
    @APIResponse(responseCode = "201", description = "The account was created",
            headers = @Header(name = "Location", description = "The account's address, /api/v1/users/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "The username, password or role is not valid. Codes: invalid_username, invalid_display_name,"
            + " password_needed, weak_password, invalid_password, password_too_long, service_password, invalid_roles, unknown_role,"
            + " conflicting_roles, validation_failed, malformed_json")
    @APIResponse(responseCode = "409", description = "The username is taken. Code: username_taken")
    @POST
    @Path("/users")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreateUserRequest request) {
        User user = users.create(request.username(), request.password(), RoleNames.text(request.roles()), request.displayName());
        // The account's own address (the one PATCH changes), so a client need not build it from the id.
        return Response.created(URI.create("/api/v1/users/" + user.id)).entity(UserView.of(user)).build();
    }

    /**
     * Changes an account: any of {@code displayName}, {@code roles}, {@code password} (sets a new one and
     * lifts a sign-in lock) and {@code disabled} (a disabled account cannot sign in, its sessions end and
     * its API keys stop working).
     */
    @Operation(summary = "Change an account", description = "Display name, roles, password or disabled; a new password lifts a sign-in lock.")
    @APIResponse(responseCode = "200", description = "The account as changed")
    @APIResponse(responseCode = "400", description = "The display name, password or role is not valid, or the id is not a number. Codes:"
            + " invalid_display_name, password_needed, weak_password, invalid_password, password_too_long, service_password, invalid_roles,"
            + " unknown_role, conflicting_roles, validation_failed, malformed_json, bad_parameter")
    @APIResponse(responseCode = "409", description = "Disabling or demoting oneself, or the last enabled admin. Codes: own_account, own_admin_role, last_admin")
    @PATCH
    @Path("/users/{id}")
    @RolesAllowed(Role.ADMIN)
    public UserView update(@PathParam("id") long id, @NotNull UserService.UserChange change) {
        return UserView.of(users.update(currentUser.name(), id, change));
    }
}
