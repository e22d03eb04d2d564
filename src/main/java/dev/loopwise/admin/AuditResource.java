package dev.loopwise.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.audit.AuditEvent;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.QueryMessages;
import dev.loopwise.common.http.ErrorResponsesOpenApi;
import dev.loopwise.common.http.Paging;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail as JSON lines, oldest first, a page at a time like every listing of the API: a client keeping it
 * elsewhere (a SIEM, an archive) follows each page's {@code Link} to the next, and comes back later with the id it ended
 * with for what was recorded since. The admin's browser download ({@link #all}) streams the whole trail instead, read in
 * pages of {@value #BATCH} along the trail's time index, each in its own short transaction, so memory holds one page and
 * no transaction stays open while the client reads. Roles: admin.
 */
@Path("/api/v1/audit")
@Tag(name = "Accounts")
@RolesAllowed(Role.ADMIN)
public class AuditResource {
    static final int BATCH = 500;
    static final int DEFAULT_PAGE = 500;
    /** A page is built in memory before it is sent: this bounds it to a few megabytes however long the trail. */
    static final int MAX_PAGE = 5_000;
    static final String NDJSON = "application/x-ndjson";
    static final String AFTER = "after";
    /** Without a bound, the whole range a bound may take (years 1 to 9999), so any bound given leaves room on its side. */
    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    ObjectMapper json;

    /** One line per entry. {@code since} (inclusive) and {@code until} (exclusive) are ISO-8601 instants, e.g. 2026-01-31T00:00:00Z. */
    public record Line(long id, OffsetDateTime occurredAt, String actor, String action, String target, Map<String, Object> details) {
    }

    @APIResponse(responseCode = "200", description = "The entries, one JSON object a line, oldest first; a Link header with"
            + " rel=\"next\" when more follow")
    @APIResponse(responseCode = "400", description = ErrorResponsesOpenApi.BAD_INPUT + ", invalid_range (since not before until)")
    @GET
    // Every name of JSON lines the imports take; the answer is labelled with the one asked for, the first for */*.
    @Operation(summary = "Export the audit trail",
            description = "JSON lines, oldest first, between the ISO-8601 instants since and until (exclusive), a page at a time:"
                    + " the Link header's next address continues after the page's last entry.")
    @Produces({NDJSON, "application/jsonl", "application/json-lines"})
    public Response export(
            @Parameter(description = "ISO-8601 instant: the first entries to include") @QueryParam("since") String since,
            @Parameter(description = "ISO-8601 instant: entries before it (exclusive)") @QueryParam("until") String until,
            @Parameter(description = "Entries a page, at most " + MAX_PAGE + " (default " + DEFAULT_PAGE + ")")
            @QueryParam("limit") String limit,
            @Parameter(description = "An entry's id: the entries after it (the next page, as its Link gives it)")
            @QueryParam(AFTER) String after,
            @Context UriInfo uri) {
        OffsetDateTime from = instant("since", since, EARLIEST);
        OffsetDateTime to = instant("until", until, LATEST);
        checkRange(from, to, since, until);
        int size = Paging.limit("limit", limit, DEFAULT_PAGE, MAX_PAGE);
        Long cursor = Paging.following(AFTER, after);
        List<AuditEvent> fetched = QuarkusTransaction.requiringNew().call(() -> {
            if (cursor == null) {
                return AuditEvent.between(from, to, null, size + 1);
            }
            AuditEvent last = AuditEvent.findById(cursor);
            if (last != null) {
                return AuditEvent.between(from, to, last, size + 1);
            }
            // The entry is gone: retention removed it, and every older one with it, so what remains follows it; an id
            // past every entry has nothing after it.
            return AuditEvent.anyFrom(null, cursor) ? AuditEvent.between(from, to, null, size + 1) : List.<AuditEvent>of();
        });
        List<AuditEvent> page = fetched.size() > size ? fetched.subList(0, size) : fetched;
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            write(writer, page);
            writer.flush();
        };
        Response.ResponseBuilder response = download(body);
        if (fetched.size() > size) {
            response.header("Link", Paging.nextLink(uri, AFTER, page.get(page.size() - 1).id));
        }
        return response.build();
    }

    /** The whole trail, for the admin's download: streamed in pages, never held whole. */
    public Response all() {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            AuditEvent after = null;
            while (true) {
                AuditEvent from = after;
                List<AuditEvent> page = QuarkusTransaction.requiringNew().call(() -> AuditEvent.between(EARLIEST, LATEST, from, BATCH));
                write(writer, page);
                writer.flush();
                if (page.size() < BATCH) {
                    return;
                }
                after = page.get(page.size() - 1);
            }
        };
        return download(body).build();
    }

    private void write(BufferedWriter writer, List<AuditEvent> page) throws IOException {
        for (AuditEvent e : page) {
            writer.write(json.writeValueAsString(new Line(e.id, e.occurredAt, e.actor, e.action, e.target, e.details)));
            writer.write('\n');
        }
    }

    /** Named and dated like the preference downloads, so a browser saves it as the file it is rather than as "audit". */
    private static Response.ResponseBuilder download(StreamingOutput body) {
        String file = "loopwise-audit-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl";
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    private static void checkRange(OffsetDateTime from, OffsetDateTime to, String since, String until) {
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("invalid_range", since == null || until == null
                    ? "'" + (since == null ? "until" : "since") + "' leaves no time to export: give a later 'until' or an earlier 'since'."
                    : "'since' (" + since + ") must come before 'until' (" + until + ").");
        }
    }

    private static OffsetDateTime instant(String name, String value, OffsetDateTime otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            parsed = null;
        }
        // PostgreSQL keeps years 4713 BC to 294276 AD; the audit trail starts in this era anyway.
        if (parsed == null || parsed.getYear() < 1 || parsed.getYear() > 9999) {
            throw ApiException.badRequest("validation_failed", QueryMessages.badInstant(name, PlainText.quoted(value.strip())));
        }
        return parsed;
    }
}
