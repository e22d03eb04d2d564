package dev.loopwise.alignment.preference;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.common.http.ErrorResponsesOpenApi;
import dev.loopwise.common.http.QueryParameters;
import dev.loopwise.security.account.CurrentUser;
import dev.loopwise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Preference data out (TRL pairs, KTO rows) and in (TRL pairs). Roles: admin. */
@Path("/api/v1")
@Tag(name = "Alignment")
@RolesAllowed(Role.ADMIN)
public class PreferenceResource {
    static final String JSONL = "application/x-ndjson";

    @Inject
    PreferenceExchange exchange;
    @Inject
    PreferenceImport importer;
    @Inject
    ConversationalExport conversational;
    @Inject
    CurrentUser currentUser;

    /**
     * {@code format=trl}: judgements as {"prompt","chosen","rejected","margin"}; {@code format=kto}: thumbs as
     * {"prompt","completion","label"}; {@code trl-chat} and {@code kto-chat}: the same in TRL's conversational form, the
     * prompt as messages grounded in the knowledge base, for training an LLM ({@link ConversationalExport}).
     */
    @APIResponse(responseCode = "200", description = "The preference data, one JSON object a line, in the format asked for")
    @APIResponse(responseCode = "400", description = ErrorResponsesOpenApi.BAD_INPUT + ", invalid_format (a format other than trl, kto, trl-chat"
            + " or kto-chat)")
    @GET
    @Path("/export/preferences")
    // Every name of JSON lines the import takes; the answer is labelled with the one asked for, the first for */*.
    @Operation(summary = "Export preference data",
            description = "JSON lines for Hugging Face TRL and OpenRLHF: format trl (default), kto, trl-chat or kto-chat; personal data masked.")
    @Produces({JSONL, "application/jsonl", "application/json-lines"})
    public Response export(
            @Parameter(description = "trl (the default), kto, trl-chat or kto-chat") @QueryParam("format") String read,
            @Context UriInfo uri) {
        String sent = QueryParameters.asSent(uri, "format", read);
        // Any case, as the training regime and a round's method are taken: TRL is how its own documentation writes it.
        String format = sent == null ? "trl" : sent.toLowerCase(Locale.ROOT);
        StreamingOutput body = switch (format) {
            case "" -> throw ApiException.badRequest("invalid_format", WorkspaceMessages.EMPTY_PREFERENCE_FORMAT);
            case "trl" -> exchange::writeTrl;
            case "kto" -> exchange::writeKto;
            case "trl-chat" -> conversational::writeDpo;
            case "kto-chat" -> conversational::writeKto;
            default -> throw ApiException.badRequest("invalid_format", WorkspaceMessages.unknownPreferenceFormat(sent));
        };
        // Dated, so the weekly downloads a team keeps side by side neither overwrite nor get numbered copies; UTC, the day
        // every daily figure in Loopwise keeps.
        String file = "loopwise-" + format + "-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl";
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @APIResponse(responseCode = "201", description = "The preference pairs were imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferenceImport.Imported.class)))
    @APIResponse(responseCode = "400", description = "The file is not a preference file Loopwise reads, or a row breaks its rules (named in the"
            + " message); nothing was imported. Codes: invalid_file, invalid_text,"
            + " not_utf8, binary_file, compressed_file")
    @POST
    @Path("/datasets/preferences")
    // One JSON array of rows is read as well as JSON lines, and a client sending an array names it application/json.
    @Operation(summary = "Import preference pairs",
            description = "All or nothing, in the shapes public preference sets use (TRL, Anthropic HH, UltraFeedback, KTO, ...).")
    @Consumes({JSONL, "application/jsonl", "application/json-lines", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response importPairs(@RequestBody(required = true, description = "The file itself: one pair a line (JSON lines), or one JSON array"
            + " of rows; prompt, chosen and rejected, or another shape public preference sets use", content = {
                    // Their examples are set by PreferenceFileExampleOpenApi.
                    @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/json-lines", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY))}) byte[] body) throws IOException {
        return Response.status(Response.Status.CREATED).entity(importer.importTrl(body == null ? null : TextFiles.utf8(body, null),
                currentUser.name())).build();
    }
}
