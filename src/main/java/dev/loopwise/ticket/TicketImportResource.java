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
    @Inject
    TicketImporter importer;

    @Operation(summary = "Import labelled tickets", description = "CSV or JSON lines with text, label, response and split (or their other names); all or nothing.")
    @APIResponse(responseCode = "201", description = "The tickets were imported")
    @APIResponse(responseCode = "400", description = "The file has a problem, named in the message; nothing was imported")
    @POST
    @Consumes({"text/csv", "application/x-ndjson", "application/jsonl", "application/json-lines", MediaType.TEXT_PLAIN})
    public Response importTickets(byte[] bytes, @Context HttpHeaders headers) throws IOException {
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
