package dev.loopwise.security.account;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.http.Paging;
import dev.loopwise.security.Role;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** API keys of the calling user (admins: of anyone). Roles: admin, reviewer. */
@Path("/api/v1/keys")
@Tag(name = "Accounts")
@RolesAllowed({Role.ADMIN, Role.REVIEWER})
public class ApiKeyResource {
    @Inject
    ApiKeyService keys;
    @Inject
    CurrentUser currentUser;

    public record KeyView(@Schema(description = "The key's id (DELETE /api/v1/keys/{id} revokes it)") long id,
                          @Schema(description = "The key's name, unique among the account's keys in use") String name,
                          @Schema(description = "The key's first characters, to tell it apart; never the secret", example = "lw_8UK_fl") String prefix,
                          @Schema(description = "The account it acts for") String username,
                          @Schema(description = "When it was created") OffsetDateTime createdAt,
                          @Schema(description = "When it was last used; null if never") OffsetDateTime lastUsedAt,
                          @Schema(description = "When it was revoked; null while in use") OffsetDateTime revokedAt,
                          @Schema(description = "Its own requests-per-minute limit, 0 for none; null: the configured default"
                                  + " (LOOPWISE_SECURITY_API_REQUESTS_PER_MINUTE)") Integer requestsPerMinute) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id, key.name, key.prefix, key.user.username, key.createdAt, key.lastUsedAt, key.revokedAt,
                    key.requestsPerMinute);
        }
    }

    /** The secret {@code key} appears in this response only. */
    public record CreatedKeyView(@Schema(description = "The key's id (DELETE /api/v1/keys/{id} revokes it)") long id,
                                 @Schema(description = "The key's name, unique among the account's keys in use") String name,
                                 @Schema(description = "The key's first characters, as key lists show it") String prefix,
                                 @Schema(description = "The account the key acts as") String username,
                                 @Schema(description = "The secret to send as Authorization: Bearer; shown in this answer only") String key) {
    }

    /** {@code requestsPerMinute} (admins only): the key's own limit, 0 for none; without it the configured default applies. */
    @Schema(description = "A new API key; {} makes one for the caller, named API key")
    public record CreateKeyRequest(
            @Schema(maxLength = 100, description = "Optional: a name, at most 100 characters, that none of the account's keys in use has (ignoring case);"
                    + " default API key (API key 2 and on when taken)", example = "Review script") String name,
            @Schema(description = "Optional: the account the key acts for (another account's: admin); default the caller's", example = "reviewer1")
            String username,
            @Schema(minimum = "0", description = "Optional, admin only: the key's own requests-per-minute limit, 0 for none; default the configured"
                    + " LOOPWISE_SECURITY_API_REQUESTS_PER_MINUTE (600)", example = "1200") Integer requestsPerMinute) {
    }

    /** The account's keys, newest first, a page at a time: revoked keys stay listed, so rotating keys grows the list. */
    @Operation(summary = "List API keys",
            description = "Prefix and dates, never the secret; newest first, a page at a time. Another account's keys: admin.")
    @GET
    public RestResponse<List<KeyView>> list(
            @Parameter(description = "Whose keys (another account's: admin); default the caller's") @QueryParam("username") String username,
            @Parameter(description = "Keys a page, at most 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Rows to skip; prefer before, which stays right while rows are added") @QueryParam("offset") String offset,
            @Parameter(description = "A key id: list the keys older than it (the next page)") @QueryParam("before") String before,
            @Context UriInfo uri) {
        User user = targetUser(username);
        Paging.Request request = Paging.read("limit", limit, 50, 200, "offset", offset, false, before);
        List<ApiKey> fetched = request.pastTheEnd() ? List.of() : ApiKey.pageForUser(user, request.before(), request.offset(), request.fetch());
        return Paging.respond(fetched, request, key -> key.id, KeyView::of, uri, "offset");
    }

    @Operation(summary = "Create an API key",
            description = "The secret is in this answer only. For another account, or with a rate limit: admin.")
    @APIResponse(responseCode = "409", description = "The account already has a key of that name in use, or is disabled (enable it first)."
            + " Codes: key_name_taken, account_disabled")
    @APIResponse(responseCode = "201", description = "The key was created; its secret is shown only in this answer",
            headers = @Header(name = "Location", description = "The key's address, /api/v1/keys/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedKeyView.class)))
    @APIResponse(responseCode = "400", description = "The account or a setting is not valid. Codes: unknown_user, validation_failed")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateKeyRequest request) {
        String username = targetUser(request == null ? null : request.username()).username;
        Integer limit = request == null ? null : request.requestsPerMinute();
        if (limit != null && !currentUser.isAdmin()) {
            throw ApiException.forbidden(AccountMessages.KEY_LIMIT_ADMIN_ONLY);
        }
        ApiKeyService.CreatedKey created = keys.create(username, request == null ? null : request.name(), limit);
        ApiKey key = created.key();
        // The key's own address (the one DELETE revokes), so a client need not build it from the id.
        return Response.created(URI.create("/api/v1/keys/" + key.id))
                .entity(new CreatedKeyView(key.id, key.name, key.prefix, username, created.secret())).build();
    }

    @Operation(summary = "Get an API key", description = "As the key list shows it: prefix and dates, never the secret. Another account's key:"
            + " admin; to anyone else it is not found.")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "404", description = "No such key, or another account's. Code: not_found")
    @GET
    @Path("/{id}")
    public KeyView get(@PathParam("id") long id) {
        return KeyView.of(keys.find(id, currentUser.name(), currentUser.isAdmin()));
    }

    @Operation(summary = "Revoke an API key", description = "Idempotent. Another account's key: admin.")
    @APIResponse(responseCode = "204", description = "The key is revoked (or was already)")
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        keys.revoke(id, currentUser.name(), currentUser.isAdmin());
        return Response.noContent().build();
    }

    private User targetUser(String username) {
        if (username == null || username.equals(currentUser.name())) {
            return currentUser.user();
        }
        if (username.isBlank()) {
            throw ApiException.badRequest("validation_failed", "'username' is empty: name the account, or leave it out for your own.");
        }
        if (!currentUser.isAdmin()) {
            throw ApiException.forbidden(AccountMessages.KEY_FOR_OTHER_USER);
        }
        return User.findByUsername(username)
                .orElseThrow(() -> ApiException.badRequest("unknown_user", AccountMessages.unknownUser(username)));
    }
}
