package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Ticket import: the body is the file itself, CSV ({@code text/csv}) or JSONL
 * ({@code application/x-ndjson}, {@code application/jsonl}). Roles: admin.
 */
@Path("/api/v1/datasets/tickets")
@Tag(name = "Workspace")
@RolesAllowed(Role.ADMIN)
public class TicketImportResource {
    private static final String CSV_EXAMPLE = """
            text,label,response
            "My parcel FH-10422 was due on Monday and still hasn't come, where is it?",track_order,"Sorry for the wait! Could you send us your order number?"
            "Do you ship to Norway?",,
            """;

    @Inject
    TicketImporter importer;

    @Operation(summary = "Import labelled tickets", description = "CSV or JSON lines with text, label, response and split (or their other names); all or nothing.")
    @APIResponse(responseCode = "201", description = "The tickets were imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketImporter.Result.class)))
    @APIResponse(responseCode = "400", description = "The file has a problem, named in the message; nothing was imported. Codes: invalid_file,"
            + " not_utf8, binary_file, compressed_file")
    @APIResponse(responseCode = "409", description = "A ticket the file would label was labelled or deleted while the import ran; nothing was"
            + " imported: send the file again. Code: ticket_changed")
    @POST
    @Consumes({"text/csv", "application/x-ndjson", "application/jsonl", "application/json-lines", MediaType.TEXT_PLAIN})
    public Response importTickets(@RequestBody(required = true, description = "The file itself: a header row naming text and, optionally, label,"
            + " response and split; a row without a label is an unlabelled ticket", content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = CSV_EXAMPLE),
                    // Their JSON lines example is set by TicketFileExampleOpenApi.
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/json-lines", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING), example = CSV_EXAMPLE)})
            byte[] bytes, @Context HttpHeaders headers) throws IOException {
        String body = bytes == null ? null : TextFiles.utf8(bytes, null);
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("invalid_file", "The request body is empty: send the CSV or JSONL file as the body.");
        }
        String type = headers.getMediaType() == null ? "" : headers.getMediaType().getSubtype();
        TicketFile.Format format = type.equals("csv") ? TicketFile.Format.CSV
                : type.contains("json") ? TicketFile.Format.JSONL : TicketFile.guess(null, body);
        TicketImporter.Result result = importer.importTickets(TicketFile.read(new StringReader(body), format));
        return Response.status(Response.Status.CREATED).entity(result).build();
    }
}
