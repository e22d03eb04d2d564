package dev.loopwise.admin;

import dev.loopwise.audit.AuditConfig;
import dev.loopwise.audit.AuditEvent;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.PagingMessages;
import dev.loopwise.common.RetentionMessages;
import dev.loopwise.common.db.RetentionRuns;
import dev.loopwise.common.http.Paging;
import dev.loopwise.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The audit trail: who did what, newest first, a page at a time. Roles: admin. */
@Path("/admin/audit")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AuditPage {
    static final int PAGE_SIZE = 50;

    @Inject
    AuditConfig config;
    @Inject
    RetentionRuns runs;

    @Inject
    AuditResource export;

    /**
     * The whole trail at once, in the lines the API pages out, as a download from the signed-in browser: the API refuses
     * session cookies by design, and a support lead keeping the trail should not need an API key, a terminal and a loop.
     */
    @GET
    @Path("/download")
    @Produces(AuditResource.NDJSON)
    public Response download() {
        return export.all();
    }

    /** Names offered under "Who"; past this many the page still filters by any name in its address. */
    static final int ACTORS_SHOWN = 200;
    private static final Pattern ACTOR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEvent> events, Long olderThan, boolean first, int retentionMonths,
                List<RetentionRuns.Run> runs, String noRuns, String who, String whoQuery, List<String> actors);
    }

    /**
     * {@code before}: continue below this entry; pages follow the id, so new entries never shift a page. {@code who}: only
     * this person's entries (empty: everyone's), so a lead checking one account's actions need not page through the rest.
     */
    @GET
    public TemplateInstance list(@QueryParam("before") String cursor, @QueryParam("who") String asked) {
        Long typed = Paging.before("before", cursor);
        String who = asked == null || asked.isBlank() ? null : asked.strip();
        // Every actor is a username or "system"; checked so that a link cannot make the page say a sentence of its choosing.
        if (who != null && !ACTOR.matcher(who).matches()) {
            throw ApiException.badRequest(Paging.CODE, PagingMessages.who("who", who));
        }
        // A cursor above every entry shows the newest page, as the newest: a link to it would lead back to this same page.
        Long before = typed != null && AuditEvent.anyFrom(who, typed) ? typed : null;
        List<AuditEvent> page = who == null ? AuditEvent.newestFirst(before, PAGE_SIZE + 1)
                : AuditEvent.newestFirstBy(who, before, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<AuditEvent> shown = more ? page.subList(0, PAGE_SIZE) : page;
        String whoQuery = who == null ? "" : "who=" + URLEncoder.encode(who, StandardCharsets.UTF_8);
        return Templates.audit(shown, more ? shown.get(shown.size() - 1).id : null, before == null, config.retentionMonths(),
                before == null && who == null ? runs.all() : List.of(), RetentionMessages.NONE_YET, who, whoQuery,
                AuditEvent.actors(ACTORS_SHOWN));
    }
}
