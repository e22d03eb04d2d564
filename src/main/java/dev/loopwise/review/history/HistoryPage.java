package dev.loopwise.review.history;

import dev.loopwise.common.http.Paging;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** My judgements: the signed-in reviewer's own choices, newest first, a page at a time. Roles: reviewer, admin. */
@Path("/review/history")
@RolesAllowed({Role.REVIEWER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class HistoryPage {
    static final int PAGE_SIZE = 25;

    @Inject
    JudgementHistory history;
    @Inject
    CurrentUser currentUser;
    @Inject
    ReviewConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(List<PastJudgement> judgements, Long olderThan, boolean first, long undoSeconds);
    }

    /** {@code before}: continue below this judgement; pages follow the id, so choices made meanwhile never shift a page. */
    @GET
    public TemplateInstance list(@QueryParam("before") String cursor) {
        Long before = Paging.before(Paging.BEFORE, cursor);
        List<PastJudgement> page = history.newestFirst(currentUser.id(), before, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<PastJudgement> shown = more ? page.subList(0, PAGE_SIZE) : page;
        return Templates.history(shown, more ? shown.get(shown.size() - 1).judgementId() : null, before == null,
                config.undoWindow().toSeconds());
    }
}
