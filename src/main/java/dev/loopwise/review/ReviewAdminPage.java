package dev.loopwise.review;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.ReviewAdminMessages;
import dev.loopwise.common.UndecidedRoundStep;
import dev.loopwise.common.http.FormNumbers;
import dev.loopwise.common.http.FormValues;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewNextStep;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.review.queue.Refill;
import dev.loopwise.review.queue.ReviewItemGenerator;
import dev.loopwise.security.Role;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.account.CurrentUser;
import dev.loopwise.security.account.RefusalAddress.Refusal;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Review quality for admins: per-reviewer figures, agreement over time, rewrites, gold items. Roles: admin. */
@Path("/admin/review")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ReviewAdminPage {
    @Inject
    AuditLog audit;
    @Inject
    ReviewStats stats;
    @Inject
    ReviewAdminService admin;
    @Inject
    ReviewItemGenerator generator;
    @Inject
    ReviewConfig config;
    @Inject
    UndecidedRoundStep roundStep;
    @Inject
    AgentReplyProposals proposals;
    @Inject
    CurrentUser currentUser;
    @Inject
    SessionStamps stamps;
    @Context
    UriInfo uri;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(ReviewStats.Overall overall, List<ReviewAdminService.PendingRewrite> rewrites, List<ReviewItem> items,
                                              List<ModelVersion> candidates, String message, String error, int minSharedItems, int medianWindow,
                                              int chartDays, String nextStep, List<Intent> intents,
                                              List<SetAsideItems.SetAside> setAside, boolean modelAnswers, String reviewAddress,
                                              MakeItemsForm makeItems);
    }

    /** The notice of the form just sent (each form redirects here, so a refresh never sends it twice). */
    @GET
    public Response show(@QueryParam("decided") String decided, @QueryParam("made") Integer made,
                                 @QueryParam("asked") Integer asked, @QueryParam("short") String shortfall, @QueryParam("gold") Long gold,
                                 @QueryParam("proposed") Integer proposed, @QueryParam("compared") Integer compared,
                                 @QueryParam("on") String on) {
        String notice = "accepted".equals(decided) ? ReviewAdminMessages.REWRITE_ACCEPTED : "discarded".equals(decided) ? ReviewAdminMessages.REWRITE_DISCARDED
                : made != null && asked != null ? ReviewAdminMessages.itemsMade(made, asked, shortfall, config.refillWindow())
                : proposed != null && proposed >= 0 ? ReviewAdminMessages.repliesProposed(proposed, AgentReplyProposals.intentsWithoutReply(),
                        Intent.listByName().stream().anyMatch(i -> !Intent.OUT_OF_SCOPE.equals(i.name)))
                : gold != null && isGold(gold) ? ReviewAdminMessages.goldItemSet(gold)
                : compared != null && comparedAsSaid(compared, "true".equals(on)) ? ReviewAdminMessages.compared(compared, "true".equals(on)) : null;
        return MakeItemsRefusal.read(uri, currentUser.name(), stamps)
                .map(refused -> Response.status(refused.status()).entity(page(null, refused.error(), MakeItemsRefusal.form(refused))))
                .orElseGet(() -> Response.ok(page(notice))).build();
    }

    /*
     * A notice is read from the address the form redirected to; one typed or linked by hand ("?gold=-1") must not confirm
     * what did not happen, so each is checked against what is stored.
     */
    private static boolean isGold(long itemId) {
        return ReviewItem.<ReviewItem>findByIdOptional(itemId).map(item -> ReviewItem.GOLD.equals(item.kind)).orElse(false);
    }

    private static boolean comparedAsSaid(int version, boolean on) {
        boolean comparing = ModelVersion.findUnderReview().map(v -> v.version == version).orElse(false);
        return on ? comparing : !comparing && ModelVersion.findByVersion(version).isPresent();
    }

    /** The agreement chart's data. */
    @GET
    @Path("/agreement")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReviewStats.AlphaPoint> agreement() {
        return stats.alphaOverTime();
    }

    static final int MAX_GENERATE = 500;
    private static final FormNumbers.Field COUNT = new FormNumbers.Field("count", "Make review items", true);

    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response generate(@RestForm String count) {
        int asked;
        try {
            // Read from the text as typed: letters would otherwise end on the bare error page instead of this one.
            asked = FormNumbers.whole(COUNT, count, 1, MAX_GENERATE).intValue();
        } catch (FormNumbers.Refused e) {
            Refusal refusal = MakeItemsRefusal.of(e, count);
            // To the page's own address too, so a reload does not send the form again; a count too long to carry in an
            // address is answered with the page itself, rather than lost to the address's limit.
            return MakeItemsRefusal.address(refusal, currentUser.name(), stamps).map(Response::seeOther)
                    .orElseGet(() -> Response.status(refusal.status()).entity(page(null, refusal.error(), MakeItemsRefusal.form(refusal))))
                    .build();
        }
        Refill refill = generator.refill(asked);
        int made = refill.made();
        QuarkusTransaction.requiringNew().run(() -> audit.record("review.make_items", made + " of the " + asked + " asked for", Map.of()));
        return Response.seeOther(URI.create("/admin/review?made=" + made + "&asked=" + asked
                + (refill.shortfall() == Refill.Shortfall.NONE ? "" : "&short=" + refill.shortfall().name()))).build();
    }

    /** Library replies proposed from the agents' answers in the tickets, for intents without any (roles: admin). */
    @POST
    @Path("/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose() {
        int proposed = proposals.propose();
        // No fragment: the notice at the top says what happened, and where the proposals wait.
        return Response.seeOther(URI.create("/admin/review?proposed=" + proposed)).build();
    }

    @POST
    @Path("/rewrites/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rewrite(@PathParam("id") long id, @RestForm String decision, @RestForm String intent) {
        try {
            if (decision == null || decision.isBlank()) {
                throw ApiException.badRequest("validation_failed", "Choose what to do with the rewrite: accept or discard.");
            }
            boolean accept = "accept".equals(FormValues.oneOf("decision", decision, "accept", "discard"));
            admin.decideRewrite(id, accept, intent);
            return Response.seeOther(URI.create("/admin/review?decided=" + (accept ? "accepted" : "discarded"))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(refused(e.getMessage())).build();
        }
    }

    @POST
    @Path("/items/{id}/gold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response gold(@PathParam("id") long id, @RestForm String answer) {
        try {
            admin.makeGold(id, answer);
            return Response.seeOther(URI.create("/admin/review?gold=" + id)).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(refused(e.getMessage())).build();
        }
    }

    @POST
    @Path("/compare")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response compare(@RestForm Integer version, @RestForm String on) {
        boolean start = FormValues.bool("on", on, false);
        try {
            if (version == null || version < 1) {
                // Read as 0 it was refused as "No model version 0", a version nobody asked for; no version has a number below 1.
                throw ApiException.badRequest("validation_failed", ReviewAdminMessages.COMPARE_WHICH_VERSION);
            }
            admin.compare(version, start);
            return Response.seeOther(URI.create("/admin/review?compared=" + version + "&on=" + start)).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(refused(e.getMessage())).build();
        }
    }

    private Response act(Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/admin/review")).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(refused(e.getMessage())).build();
        }
    }

    /** The newest versions offered for comparison: every failed round leaves one, so the list would grow with history. */
    static final int COMPARABLE_SHOWN = 8;
    /** Pending rewrites listed at once, oldest first: enough for a sitting, while the page costs the same however many wait. */
    static final int PENDING_SHOWN = 50;

    /**
     * Candidates that can pick other replies than the active version (one being compared stays, to be stopped): the newest
     * few, read backwards along the version index, and the one under comparison however old.
     */
    private static List<ModelVersion> comparable() {
        String active = ModelVersion.findActive().map(v -> v.checksum).orElse(null);
        List<ModelVersion> shown = new ArrayList<>(ModelVersion.<ModelVersion>find("status in ?1 and activatedAt is null order by version desc",
                List.of(ModelVersion.CANDIDATE, ModelVersion.REJECTED)).page(0, COMPARABLE_SHOWN).list());
        ModelVersion.findUnderReview().filter(v -> shown.stream().noneMatch(s -> s.version == v.version)).ifPresent(shown::add);
        return shown.stream().filter(v -> v.comparable() && (v.underReview || active == null || !active.equals(v.checksum))).toList();
    }

    private TemplateInstance page(String notice) {
        return page(notice, null, MakeItemsForm.SUGGESTED);
    }

    /** The page with why a form was refused, shown as an error rather than as the notice of something done. */
    private TemplateInstance refused(String error) {
        return page(null, error, MakeItemsForm.SUGGESTED);
    }

    /** The reviewers' page at the address this request came to, so the lead can send it to reviewers as it is. */
    private String reviewAddress() {
        return UriBuilder.fromUri(uri.getBaseUri()).path("review").build().toString();
    }

    private TemplateInstance page(String message, String error, MakeItemsForm makeItems) {
        ReviewStats.Overall overall = stats.overall();
        boolean modelAnswers = ModelVersion.findActive().isPresent();
        List<ReviewAdminService.PendingRewrite> rewrites = ReviewAdminService.pendingRewrites(PENDING_SHOWN);
        return Templates.review(overall, rewrites, ReviewAdminService.recentItems(15),
                comparable(), message, error, config.minSharedItems(),
                config.medianWindow(), config.chartDays(), ReviewNextStep.of(overall, rewrites.isEmpty() ? 0 : Reply.countPending(), rewrites.size(),
                        modelAnswers, reviewAddress(), roundStep.sentence().orElse(null)),
                rewrites.isEmpty() ? List.of() : Intent.listByName(),
                overall.setAside() == 0 ? List.of() : SetAsideItems.newest(ReviewStats.SET_ASIDE_DAYS), modelAnswers, reviewAddress(), makeItems);
    }
}
