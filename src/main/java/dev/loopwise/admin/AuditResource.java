package dev.loopwise.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.audit.AuditEvent;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.http.ErrorResponsesOpenApi;
import dev.loopwise.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
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
 * The audit trail as JSON lines, oldest first, for keeping elsewhere (a SIEM, an archive). It is read in
 * pages of {@value #BATCH} along the trail's time index, each in its own short transaction, so however long the trail, memory
 * holds one page and no transaction stays open while the client reads. Roles: admin.
 */
@Path("/api/v1/audit")
@Tag(name = "Accounts")
@RolesAllowed(Role.ADMIN)
public class AuditResource {
    static final int BATCH = 500;
    static final String NDJSON = "application/x-ndjson";

    @Inject
    ObjectMapper json;

    /** One line per entry. {@code since} (inclusive) and {@code until} (exclusive) are ISO-8601 instants, e.g. 2026-01-31T00:00:00Z. */
    public record Line(long id, OffsetDateTime occurredAt, String actor, String action, String target, Map<String, Object> details) {
    }

    @APIResponse(responseCode = "200", description = "The entries, one JSON object a line, oldest first")
    @APIResponse(responseCode = "400", description = ErrorResponsesOpenApi.BAD_INPUT + ", invalid_range (since not before until)")
    @GET
    // Every name of JSON lines the imports take; the answer is labelled with the one asked for, the first for */*.
    @Operation(summary = "Export the audit trail",
            description = "JSON lines, oldest first, between the ISO-8601 instants since and until (exclusive).")
    @Produces({NDJSON, "application/jsonl", "application/json-lines"})
    public Response export(
            @Parameter(description = "ISO-8601 instant: the first entries to include") @QueryParam("since") String since,
            @Parameter(description = "ISO-8601 instant: entries before it (exclusive)") @QueryParam("until") String until) {
        // Without a bound, the whole range a bound may take (years 1 to 9999), so any bound given leaves room on its side.
        OffsetDateTime from = instant("since", since, OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        OffsetDateTime to = instant("until", until, OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("invalid_range", since == null || until == null
                    ? "'" + (since == null ? "until" : "since") + "' leaves no time to export: give a later 'until' or an earlier 'since'."
                    : "'since' (" + since + ") must come before 'until' (" + until + ").");
        }
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            AuditEvent after = null;
            while (true) {
                AuditEvent from0 = after;
                List<AuditEvent> page = QuarkusTransaction.requiringNew().call(() -> AuditEvent.between(from, to, from0, BATCH));
                for (AuditEvent e : page) {
                    writer.write(json.writeValueAsString(new Line(e.id, e.occurredAt, e.actor, e.action, e.target, e.details)));
                    writer.write('\n');
                }
                writer.flush();
                if (page.size() < BATCH) {
                    return;
                }
                after = page.get(page.size() - 1);
            }
        };
        // Named and dated like the preference downloads, so a browser saves it as the file it is rather than as "audit".
        String file = "loopwise-audit-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl";
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
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
            throw ApiException.badRequest("validation_failed", name + " must be an ISO-8601 instant between the years 1 and 9999,"
                    + " such as 2026-01-31T00:00:00Z.");
        }
        return parsed;
    }
}
