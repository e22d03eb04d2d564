package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.review.judging.ReviewNextStep;
import dev.loopwise.common.PagingMessages;
import dev.loopwise.common.RoundMessages;
import dev.loopwise.common.db.RowCounts;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.security.Role;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.account.RefusalAddress;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Alignment rounds in the browser: start one, watch it run, read its report, see metrics across rounds. Roles: admin. */
@Path("/admin/rounds")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class RoundsPage {
    static final int LISTED = 30;
    @Inject
    RoundService rounds;
    @Inject
    AlignmentConfig config;
    @Inject
    CurrentUser currentUser;
    @Inject
    ReviewStats reviewStats;
    @Inject
    SessionStamps stamps;
    @Context
    UriInfo uri;

    @CheckedTemplate
    static class Templates {
        /** {@code seeFast}: the link to Review quality while it marks reviewers "very fast", null otherwise. */
        static native TemplateInstance rounds(List<AlignmentRound> rounds, RoundForm form, String error, String nextStep,
                                              String shown, String seeFast);

        static native TemplateInstance round(AlignmentRound round, RoundReport report, String alreadyUnderWay, String silence);
    }

    /** The list, or after a refused start the form as typed and why it was refused (each start redirects here). */
    @GET
    public Response list() {
        // A refusal that no longer holds (judgements enough came meanwhile) goes, but the settings typed stay in the form:
        // reset to the defaults without a word, a press of Start would run settings nobody chose.
        return StartRefusal.read(uri, currentUser.name(), stamps)
                .map(refused -> StartRefusal.stillHolds(refused, reviewStats.totals().judgements(), RoundService.importedPreferences())
                        ? Response.status(refused.status()).entity(refused(refused, StartRefusal.form(refused)))
                        : Response.ok(page(null, StartRefusal.form(refused))))
                .orElseGet(() -> Response.ok(page(null, RoundForm.defaults(config)))).build();
    }

    /** The newest rounds only, saying how many there are in all: the list's cost stays the same as the weeks add rounds. */
    private TemplateInstance page(String error, RoundForm form) {
        return page(error, form, null);
    }

    private TemplateInstance page(String error, RoundForm form, String nextStep) {
        List<AlignmentRound> rounds = AlignmentRound.newestFirst(LISTED);
        String shown = PagingMessages.newestShown(rounds.size(),
                RowCounts.total(RowCounts.ALIGNMENT_ROUNDS), "rounds",
                "GET /api/v1/rounds lists every one, a page at a time");
        String step = nextStep != null ? nextStep : RoundFormats.listNextStep(rounds, reviewStats.totals().judgements());
        // The page a lead starts rounds from must not skip the warning Overview and Review quality give, by their one rule:
        // a round started now would learn from judgements made without reading as if they had been read.
        List<String> tooFast = reviewStats.tooFast();
        return Templates.rounds(rounds, form, error, ReviewNextStep.talkFirst(tooFast, RoundMessages.ON_REVIEW_QUALITY, step), shown,
                tooFast.isEmpty() ? null : RoundMessages.SEE_FAST_REVIEWERS);
    }

    static final List<String> READ_JUDGEMENTS = List.of(AlignmentRound.RUNNING, AlignmentRound.PROMOTED,
            AlignmentRound.REJECTED, AlignmentRound.NEEDS_EVIDENCE, AlignmentRound.SUPERSEDED);

    @GET
    @Path("/{id}")
    public TemplateInstance report(@PathParam("id") long id, @QueryParam("already") boolean already) {
        AlignmentRound round = find(id);
        Map<Long, String> names = new HashMap<>();
        if (round.lineage.get("reviewerWeights") instanceof Map<?, ?> weights && !weights.isEmpty()) {
            List<Long> ids = weights.keySet().stream().map(key -> Long.valueOf(key.toString())).toList();
            User.<User>list("id in ?1", ids).forEach(user -> names.put(user.id, user.displayName == null ? user.username : user.displayName));
        }
        // Said only while it is still under way: once it has ended, its outcome is what the page is about.
        String alreadyUnderWay = already && !round.finished()
                ? LifecycleMessages.roundAlreadyUnderWay(round.id, AlignmentRound.RUNNING.equals(round.status)) : null;
        // Only a later round that read judgements replaces this one's count: one cancelled or failed before it read any does not.
        Long newer = AlignmentRound.<AlignmentRound>find("id > ?1 and status in ?2 order by id desc", round.id, READ_JUDGEMENTS)
                .firstResultOptional().map(r -> r.id).orElse(null);
        return Templates.round(round, RoundReport.of(round, names, ReviewItem.countOpen(), newer), alreadyUnderWay,
                RoundSilence.saidOf(round));
    }

    /** Numbers are read from the text as typed: a mistake shows the form again, values kept, with the field named. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String method, @RestForm String beta, @RestForm String seed, @RestForm String rewardModel,
                          @RestForm String policyEpochs) {
        RoundForm typed = new RoundForm(method, beta, policyEpochs, rewardModel, seed, null);
        try {
            RoundSettings settings = RoundRequests.settings(config, typed.request());
            RoundService.Started started = rounds.startOrShare(settings, currentUser.name());
            // Landing on a round that was already there, with no word, reads as if the click started it.
            return Response.seeOther(URI.create("/admin/rounds/" + started.round().id + (started.shared() ? "?already=true" : ""))).build();
        } catch (ApiException e) {
            if (e.status.getFamily() == Response.Status.Family.SERVER_ERROR) {
                throw e; // no mistake of the form's: the error page says when to try again
            }
            RefusalAddress.Refusal refusal = StartRefusal.of(e, typed);
            // To the list's own address, as a start that worked goes to its round: a reload does not send the form again.
            // Values too long to carry in an address are answered with the page itself, rather than lost to its limit.
            return StartRefusal.address(refusal, currentUser.name(), stamps).map(Response::seeOther)
                    .orElseGet(() -> Response.status(refusal.status()).entity(refused(refusal, StartRefusal.form(refusal)))).build();
        }
    }

    /**
     * The page after a refused start. Too few judgements yet is where every workspace begins, not a mistake: it shows as
     * the next step (how many there are, how many more, where reviewers judge), and the red error stays for real mistakes.
     */
    private TemplateInstance refused(RefusalAddress.Refusal refused, RoundForm typed) {
        if (StartRefusal.waitsForJudgements(refused)) {
            return page(null, typed, LifecycleMessages.roundWaitsForJudgements(reviewStats.totals().judgements(),
                    RoundService.importedPreferences(), RoundService.MIN_COMPARISONS,
                    ReviewNextStep.FIRST_ROUND_JUDGEMENTS));
        }
        return page(refused.error(), typed);
    }

    static boolean waitsForJudgements(ApiException e) {
        return RoundService.TOO_FEW_JUDGEMENTS.equals(e.code) || RoundService.NO_JUDGEMENTS.equals(e.code);
    }

    /** Cancels a round from its page; the page then follows it to its end. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id) {
        AlignmentRound.<AlignmentRound>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RoundMessages.noRound(id, true)));
        rounds.cancel(id, currentUser.name());
        return Response.seeOther(URI.create("/admin/rounds/" + id)).build();
    }

    /** The live progress the report page polls while the round runs. */
    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public RoundResource.RoundView progress(@PathParam("id") long id) {
        return RoundResource.RoundView.of(find(id));
    }

    /** Rounds the charts show: the newest finished ones, so the chart stays readable and its cost flat however many ran. */
    static final int CHART_ROUNDS = 100;

    /**
     * The figures the chart draws. Only these: a round's stored metrics also hold its per-intent list, which on a workspace
     * of many intents would make up most of the bytes every visit to the list fetches, for nothing the chart shows.
     */
    static final List<String> CHART_METRICS = List.of("reward/accuracy", "eval/candidate_preference_agreement",
            "eval/active_preference_agreement", "policy/changed_choice_rate");

    /** Metrics of the last {@link #CHART_ROUNDS} finished rounds, oldest first, for the charts. */
    @GET
    @Path("/history")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> history() {
        List<AlignmentRound> newest = new ArrayList<>(AlignmentRound.<AlignmentRound>find("status in ?1 order by id desc", List.of(AlignmentRound.PROMOTED,
                AlignmentRound.REJECTED, AlignmentRound.NEEDS_EVIDENCE, AlignmentRound.SUPERSEDED)).page(0, CHART_ROUNDS).list());
        Collections.reverse(newest);
        return newest.stream().map(r -> {
                    Map<String, Object> point = new LinkedHashMap<>();
                    CHART_METRICS.stream().filter(r.metrics::containsKey).forEach(key -> point.put(key, r.metrics.get(key)));
                    point.put("round", r.id);
                    point.put("promoted", r.promoted);
                    point.put("judgements", r.judgements());
                    // The chart draws taste learned with its range and says, as the table does, when it is too few to read.
                    point.put("tasteText", RoundListFormats.tasteRead(r));
                    point.put("tasteTooFew", RoundListFormats.tasteTooFew(r));
                    RoundListFormats.tasteRange(r).ifPresent(range -> point.put("tasteRange", List.of(range[0], range[1])));
                    return point;
                }).toList();
    }

    private static AlignmentRound find(long id) {
        return AlignmentRound.<AlignmentRound>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RoundMessages.noRound(id, true)));
    }
}
