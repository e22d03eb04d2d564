package dev.loopwise.security.account;

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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    public record UserView(long id, String username, String displayName, Set<String> roles, OffsetDateTime createdAt,
                           OffsetDateTime disabledAt) {
        static UserView of(User user) {
            return new UserView(user.id, user.username, user.displayName, user.roleSet(), user.createdAt, user.disabledAt);
        }
    }

    public record CreateUserRequest(String username, String password, RoleNames roles, String displayName) {
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

    @Operation(summary = "Create an account", description = "Roles admin, reviewer or service; a service account takes no password.")
    @APIResponse(responseCode = "201", description = "The account was created")
    @APIResponse(responseCode = "400", description = "The username, password or role is not valid")
    @APIResponse(responseCode = "409", description = "The username is taken")
    @POST
    @Path("/users")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreateUserRequest request) {
        User user = users.create(request.username(), request.password(), RoleNames.text(request.roles()), request.displayName());
        return Response.status(Response.Status.CREATED).entity(UserView.of(user)).build();
    }

    /**
     * Changes an account: any of {@code displayName}, {@code roles}, {@code password} (sets a new one and
     * lifts a sign-in lock) and {@code disabled} (a disabled account cannot sign in, its sessions end and
     * its API keys stop working).
     */
    @Operation(summary = "Change an account", description = "Display name, roles, password or disabled; a new password lifts a sign-in lock.")
    @APIResponse(responseCode = "200", description = "The account as changed")
    @APIResponse(responseCode = "409", description = "Disabling or demoting oneself, or the last enabled admin")
    @PATCH
    @Path("/users/{id}")
    @RolesAllowed(Role.ADMIN)
    public UserView update(@PathParam("id") long id, @NotNull UserService.UserChange change) {
        return UserView.of(users.update(currentUser.name(), id, change));
    }
}
