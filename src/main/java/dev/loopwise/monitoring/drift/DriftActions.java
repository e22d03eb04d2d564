package dev.loopwise.monitoring.drift;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.RoundRequests;
import dev.loopwise.alignment.round.RoundService;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.text.TemplateFormats;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.review.queue.ReviewItemGenerator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What happens when drift is confirmed, or enough judgements have arrived: review items are queued from
 * the drifted requests, and an alignment round starts — or waits for an admin's approval, by setting.
 * Every action is recorded with its reason.
 */
@ApplicationScoped
public class DriftActions {
    @Inject
    AuditLog audit;
    private static final Logger LOG = Logger.getLogger(DriftActions.class);
    static final Set<String> DRIFT = Set.of("input_drift", "new_topic", "intent_mix", "oos_rate", "confidence");
    /** Fewer judgements than this cannot train and measure a reward model. */
    static final int MIN_JUDGEMENTS = 20;

    @Inject
    MonitoringConfig config;
    @Inject
    DriftStore store;
    @Inject
    ReviewItemGenerator generator;
    @Inject
    ReviewStats reviewStats;
    @Inject
    RoundService rounds;
    @Inject
    RoundRequests.Defaults roundDefaults;
    @Inject
    EntityManager em;

    void afterCheck(Set<String> confirmed, List<Long> alertIds, DriftWindow.Read read, List<Integer> unfamiliarFirst) {
        wakeWaiting();
        List<String> drift = confirmed.stream().filter(DRIFT::contains).sorted().toList();
        if (!drift.isEmpty() && !recentlyActed()) {
            List<Integer> chosen = unfamiliarFirst.subList(0, Math.min(config.reviewItemsOnDrift(), unfamiliarFirst.size()));
            List<String> hashes = chosen.stream().map(i -> read.hashes().get(i)).toList();
            int items = generator.fromRequests(chosen.stream().map(i -> read.window().texts().get(i)).toList(), hashes);
            Long alert = alertIds.isEmpty() ? null : alertIds.get(0);
            // Read by people on the drift page: what changed in words; the codes are in the alerts' figures.
            String reason = "Drift confirmed (" + String.join("; ", drift.stream()
                    .map(kind -> DriftFormats.alertTitle(kind).toLowerCase(Locale.ROOT)).toList()) + ")";
            store.saveAction("review_items", reason + ": queued " + items + " review items from the least familiar requests.", "done",
                    null, items, alert);
            proposeAfterReview(reason, items, alert, items == 0 ? List.of() : hashes);
            return;
        }
        if (judgementsSinceLastRound(config.judgementsPerRound()) >= config.judgementsPerRound() && !roundPendingOrRunning()) {
            round("At least " + config.judgementsPerRound() + " new judgements since the last round.", null);
        }
    }

    /**
     * A round on the judgements that existed before the drift could only be rejected: the proposal waits until
     * reviewers have judged the items queued from the drifted requests (as many judgements of them as items were
     * queued, and at least {@link #MIN_JUDGEMENTS} in all), or the deadline. Judgements of other items do not count.
     */
    private void proposeAfterReview(String reason, int queued, Long alertId, List<String> hashes) {
        long judged = judgedSoFar();
        int needed = Math.max(MIN_JUDGEMENTS, queued);
        OffsetDateTime deadline = OffsetDateTime.now().plus(config.roundDeadline());
        String until = hashes.isEmpty() ? "reviewers have judged " + needed + " more items"
                : "reviewers have judged the " + queued + " items queued from these requests";
        store.saveWaitingRound(reason + ". A round will be proposed once " + until + ", or on " + TemplateFormats.when(deadline) + ".",
                judged + needed, deadline, alertId, hashes, queued);
    }

    /** Proposals whose judgements arrived (or whose deadline passed) become rounds: started, or waiting for approval. */
    public void wakeWaiting() {
        long judged = judgedSoFar();
        // Judgements of a proposal's own items are counted no further than it needs, through the items' and judgements' keys.
        List<?> ready = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select a.id from monitoring_actions a where a.status = 'waiting' and ((ready_at <= now() and ?1 >= ?2)
                  or (a.drift_hashes is null and a.ready_after_judgements <= ?1)
                  or (a.drift_hashes is not null and ?1 >= ?2 and (select count(*) from (select 1 from review_items i
                        join judgements j on j.item_id = i.id and j.choice <> 'skip' and j.created_at > a.created_at
                        where i.ticket_hash = any(a.drift_hashes) limit a.drift_judgements_needed) enough) >= a.drift_judgements_needed))
                order by a.id""")
                .setParameter(1, judged).setParameter(2, MIN_JUDGEMENTS).getResultList());
        for (Object id : ready) {
            long actionId = ((Number) id).longValue();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    // The reason said when the round would be proposed; now it is, and the sentence would read as still waiting.
                    "update monitoring_actions set status = 'pending', reason = regexp_replace(reason, ' A round will be proposed once.*$', '')"
                            + " || ' Reviewers have judged enough new items for it.' where id = ?1 and status = 'waiting'")
                    .setParameter(1, actionId).executeUpdate());
            if (config.autoRound()) {
                try {
                    approve(actionId, "monitoring");
                } catch (ApiException e) {
                    // An earlier proposal of this check started the round that settles this one too.
                    if (!"already_decided".equals(e.code)) {
                        LOG.warnf("Could not start the proposed round: %s", e.getMessage());
                    }
                }
            }
        }
    }

    private long judgedSoFar() {
        return reviewStats.totals().judgements();
    }

    /** Starts a round now (auto-round) or records a request an admin approves on the drift page. */
    private void round(String reason, Long alertId) {
        long judged = judgedSoFar();
        if (judged < MIN_JUDGEMENTS) {
            store.saveAction("round_requested", reason + " A round needs judgements first (" + judged + " so far): it can start once "
                    + "reviewers have judged the queued items.", "pending", null, null, alertId);
            return;
        }
        if (!config.autoRound()) {
            store.saveAction("round_requested", reason + " An admin can approve a round on the drift page.", "pending", null, null, alertId);
            return;
        }
        try {
            AlignmentRound round = rounds.start(roundDefaults.settings(), "monitoring");
            store.saveAction("round_started", reason + " Started improvement round " + round.id + ".", "done", round.id, null, alertId);
        } catch (ApiException e) {
            LOG.warnf("Could not start a round: %s", e.getMessage());
            store.saveAction("round_requested", reason + " A round could not start: " + e.getMessage(), "pending", null, null, alertId);
        }
    }

    /**
     * An admin approves a requested round. Claiming the request (a conditional update on its status) and queuing its
     * round are one transaction, so two approvals at once start one round: the second gets 409. A round trains on every
     * judgement so far, so it answers every other proposal waiting for a decision too: they are settled with it rather
     * than left to start a second, identical round. Pending proposals are locked in id order first, so two admins
     * approving two different proposals take turns instead of deadlocking.
     */
    public long approve(long actionId, String admin) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select id from monitoring_actions where action = 'round_requested' and status = 'pending'"
                    + " order by id for update").getResultList();
            decide(actionId, "approved");
            // A round still waiting its turn reads every judgement when it starts: it answers this proposal too.
            AlignmentRound round = rounds.waitingOrQueue(roundDefaults.settings(), admin);
            em.createNativeQuery("update monitoring_actions set round_id = ?1 where id = ?2").setParameter(1, round.id)
                    .setParameter(2, actionId).executeUpdate();
            @SuppressWarnings("unchecked")
            List<Number> settled = em.createNativeQuery("update monitoring_actions set status = 'approved', round_id = ?1,"
                    + " reason = reason || ?2 where action = 'round_requested' and status = 'pending' and id <> ?3 returning id")
                    .setParameter(1, round.id).setParameter(2, " " + DriftMessages.coveredByRound(round.id, actionId))
                    .setParameter(3, actionId).getResultList();
            Map<String, Object> details = settled.isEmpty() ? Map.of("roundId", round.id)
                    : Map.of("roundId", round.id, "alsoSettled", settled.stream().map(Number::longValue).toList());
            audit.record(admin, "drift.approve", "drift action " + actionId, details);
            return round.id;
        });
    }

    public void dismiss(long actionId, String admin) {
        QuarkusTransaction.requiringNew().run(() -> {
            decide(actionId, "dismissed");
            audit.record(admin, "drift.dismiss", "drift action " + actionId, Map.of());
        });
    }

    /** Moves a pending request to its decision; 409 when it is not one to decide (yet, or any more), 404 when there is none. */
    private void decide(long actionId, String decision) {
        int claimed = em.createNativeQuery("update monitoring_actions set status = ?1 where id = ?2 and status = 'pending'")
                .setParameter(1, decision).setParameter(2, actionId).executeUpdate();
        if (claimed == 1) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select action, status from monitoring_actions where id = ?1")
                .setParameter(1, actionId).getResultList();
        if (found.isEmpty()) {
            throw ApiException.notFound(DriftMessages.noRoundRequest(actionId));
        }
        if (!"round_requested".equals(found.get(0)[0])) {
            throw ApiException.conflict("nothing_to_decide", DriftMessages.actionNeedsNoDecision(actionId));
        }
        if ("waiting".equals(found.get(0)[1])) {
            throw ApiException.conflict("not_proposed_yet", DriftMessages.roundRequestWaiting(actionId));
        }
        throw ApiException.conflict("already_decided", DriftMessages.roundRequestDecided(actionId, (String) found.get(0)[1]));
    }

    private boolean recentlyActed() {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "select 1 from monitoring_actions where action = 'review_items' and created_at > ?1 limit 1")
                .setParameter(1, OffsetDateTime.now().minus(config.cooldown())).getResultList().isEmpty());
    }

    /**
     * Before any round, every judgement (a running sum); after one, those since, read from the index on their time and
     * counted no further than {@code enough}, so a long time without rounds does not make every check count more.
     */
    private long judgementsSinceLastRound(int enough) {
        Object last = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select max(created_at) from alignment_rounds")
                .getSingleResult());
        if (last == null) {
            return reviewStats.totals().judgements();
        }
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from (select 1 from judgements where choice <> 'skip'
                  and created_at > (select max(created_at) from alignment_rounds) limit ?1) enough""")
                .setParameter(1, enough).getSingleResult()).longValue());
    }

    private boolean roundPendingOrRunning() {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("""
                select 1 from alignment_rounds where status in ('queued', 'running')
                union all select 1 from monitoring_actions where status in ('pending', 'waiting') limit 1""").getResultList().isEmpty());
    }
}
