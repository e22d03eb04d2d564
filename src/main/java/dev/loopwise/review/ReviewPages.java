package dev.loopwise.review;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.common.http.ChangesOnGet;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import dev.loopwise.security.user.User;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The reviewer's pages: home (what waits, what they did, how well they agree) and the judging page,
 * whose script talks to the JSON endpoints below with the session and the page's CSRF token.
 * Roles: reviewer, admin.
 */
@Path("/review")
@RolesAllowed({Role.REVIEWER, Role.ADMIN})
public class ReviewPages {
    @Inject
    ReviewService review;
    @Inject
    ReviewStats stats;
    @Inject
    CurrentUser currentUser;
    @Inject
    ReviewConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(ReviewStats.Home home, boolean noModelYet);

        static native TemplateInstance judge(ReviewStats.Home home, long undoSeconds, boolean noModelYet);
    }

    /**
     * The item to show (null when nothing waits) with the counters as they stand once it is leased, and the reviewer's
     * last choice while it can still be undone (null otherwise), so that a reload or a second tab can still undo it.
     */
    public record Next(ReviewView item, long judgedToday, long judgedTotal, long waiting, Judgement.Undoable undoable) {
        static Next of(ReviewView item, ReviewStats.Counters counters) {
            return of(item, counters, null);
        }

        /**
         * With no item the page says nothing is waiting, so Waiting reads 0 next to it: items counted a moment earlier can
         * be taken by other reviewers meanwhile (or be held by one while it is counted), and "Waiting 2" beside "Nothing is
         * waiting" reads as a fault. Look again finds any that come free.
         */
        static Next of(ReviewView item, ReviewStats.Counters counters, Judgement.Undoable undoable) {
            return new Next(item, counters.judgedToday(), counters.judgedTotal(), item == null ? 0 : counters.waiting(), undoable);
        }
    }

    /** A stored choice: what to tell the reviewer, how long it can be undone, and the counters. */
    public record Judged(long judgementId, String message, long undoSeconds, long judgedToday, long judgedTotal, long waiting) {
    }

    public record Undone(String message, Next next) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(stats.home(currentUser.user().id), noModelYet());
    }

    @GET
    @Path("/judge")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance judge() {
        return Templates.judge(stats.home(currentUser.user().id), config.undoWindow().toSeconds(), noModelYet());
    }

    /** No version answers yet, so no item can be made: the pages say why nothing waits. */
    private static boolean noModelYet() {
        return ModelVersion.findActive().isEmpty();
    }

    /** Always 200, so the counters come with the answer even when nothing waits. */
    @GET
    @ChangesOnGet
    @Path("/items/next")
    @Produces(MediaType.APPLICATION_JSON)
    public Next next() {
        long reviewerId = currentUser.user().id;
        ReviewView item = review.next(reviewerId).orElse(null);
        return Next.of(item, stats.counters(reviewerId), Judgement.lastUndoable(reviewerId, config.undoWindow()).orElse(null));
    }

    @POST
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Judged judge(@PathParam("itemId") long itemId, Submission submission) {
        User user = currentUser.user();
        Submission sent = ReviewResource.require(submission);
        ReviewService.Stored stored = review.submit(user.id, user.username, itemId, sent);
        ReviewStats.Counters counters = stats.counters(user.id);
        return new Judged(stored.judgementId(), sent.savedMessage(), config.undoWindow().toSeconds(),
                counters.judgedToday(), counters.judgedTotal(), counters.waiting());
    }

    /** The undone item comes back in the answer, to be shown at once; the one that was on screen waits its turn. */
    @POST
    @Path("/items/{itemId}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Undone undo(@PathParam("itemId") long itemId) {
        long reviewerId = currentUser.user().id;
        ReviewView item = review.undo(reviewerId, itemId);
        return new Undone(ReviewMessages.REVIEW_UNDONE, Next.of(item, stats.counters(reviewerId)));
    }
}
