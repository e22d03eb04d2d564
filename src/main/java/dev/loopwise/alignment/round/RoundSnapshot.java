package dev.loopwise.alignment.round;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.ticket.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads, in one transaction, what a round uses — and records which judgements those were (lineage). Every read is
 * bounded ({@link RoundScope}): the judgements new since the base version's round plus a replay sample of older ones
 * ({@link RoundJudgements}), at most a set number of imported pairs, and a sample of tickets for the policy. Judgements
 * are read in the replies' library form, so that the reward model scores the same texts the policy chooses among.
 */
@ApplicationScoped
public class RoundSnapshot {
    @Inject
    EntityManager em;
    @Inject
    ReviewStats reviewStats;

    /**
     * @param encoder    the base version's encoder: the round reads its vectors, and its candidate keeps it
     * @param baseRound  the round that made the base version (null: none did); the new judgements are those since it
     * @param freshStart why the reward model starts afresh rather than from the base version's; null when it may continue
     */
    public record Captured(RoundData data, int baseVersion, EncoderRef encoder, int referenceVersion, Long baseRound,
                           RoundJudgements.Read judgements, int importedPairs, Map<Long, Double> weights, String freshStart) {
    }

    /** The active version, its stored model read once, and the policy a round holds its candidate close to. */
    record Base(ModelVersion active, ModelBundle bundle, int referenceVersion, ReplyPolicy reference) {
    }

    /**
     * The active version, refused (409) when a round could not run on it: none is active, or it has no reply policy to
     * improve — it was trained while its intents had no library replies. Asked before a round queues, not when it fails.
     */
    static Base activeWithPolicy() {
        ModelVersion active = ModelVersion.findActive()
                .orElseThrow(() -> ApiException.conflict("no_active_model", "Train and activate a model before running a round."));
        ModelBundle bundle = active.bundle();
        // The base's own reference when it came from a round, else itself.
        int referenceVersion = active.lineage.get("referenceVersion") instanceof Number n ? n.intValue() : active.version;
        ReplyPolicy reference = referenceVersion == active.version ? bundle.policy()
                : ModelVersion.findByVersion(referenceVersion).orElseThrow().bundle().policy();
        if (reference == null) {
            throw ApiException.conflict("no_policy", LifecycleMessages.roundNeedsPolicy(active.version));
        }
        return new Base(active, bundle, referenceVersion, reference);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Captured capture(RoundSettings settings, RoundScope scope) {
        Base base = activeWithPolicy();
        ModelVersion active = base.active();
        ModelBundle bundle = base.bundle();
        int referenceVersion = base.referenceVersion();
        ReplyPolicy reference = base.reference();
        AlignmentRound baseRound = active.lineage.get("alignmentRound") instanceof Number id ? AlignmentRound.findById(id.longValue()) : null;
        Map<Long, Double> weights = reviewStats.weights();
        RoundJudgements.Read judged = new RoundJudgements(em, weights)
                .read(baseRound == null || baseRound.newUpto == null ? 0 : baseRound.newUpto, scope, settings.seed());
        List<PreferencePair> pairs = new ArrayList<>(judged.pairs());
        List<Object[]> imported = new ArrayList<>(em.createNativeQuery(
                "select id, prompt, chosen, rejected, coalesce(margin, 0) from imported_preferences order by id desc limit ?1")
                .setParameter(1, scope.maxNewJudgements()).getResultList());
        Collections.reverse(imported); // newest first to keep the newest, oldest first to read them in order
        for (Object[] r : imported) {
            pairs.add(new PreferencePair((String) r[1], (String) r[2], (String) r[3], PreferencePair.Kind.PREFERENCE,
                    ((Number) r[4]).doubleValue(), 1.0, Hashing.sha256Hex((String) r[1]), -((Number) r[0]).longValue()));
        }
        List<WorkspaceSnapshot.ReplyInfo> replies = Reply.listActive().stream()
                .map(r -> new WorkspaceSnapshot.ReplyInfo(r.id, r.intent.name, r.text)).toList();
        List<Object[]> test = em.createNativeQuery("""
                select t.id, t.text, i.name from tickets t join intents i on i.id = t.intent_id where t.split = 'test' order by t.id""")
                .getResultList();
        List<WorkspaceSnapshot.TicketInfo> intentTest = test.stream()
                .map(r -> new WorkspaceSnapshot.TicketInfo(((Number) r[0]).longValue(), (String) r[1], (String) r[2], null, "test"))
                .filter(t -> bundle.intent().labels().contains(t.intent())).toList();
        String freshStart = freshStart(active.version, bundle, baseRound, settings);
        Set<String> warmTaught = freshStart == null ? WarmLessons.taught(em, baseRound.id, intentTest, settings) : Set.of();
        Set<String> warmTaughtTexts = freshStart == null ? WarmLessons.taughtLookAlikes(em, baseRound.id, pairs.stream()
                .filter(p -> AlignmentEngine.isHeldOut(p.group(), settings)).map(PreferencePair::prompt).toList(), settings) : Set.of();
        RoundData data = new RoundData(bundle, reference, pairs, policyTickets(scope.policyTickets()), replies, intentTest,
                freshStart == null ? bundle.reward() : null, warmTaught, warmTaughtTexts);
        return new Captured(data, active.version, active.encoder(), referenceVersion, baseRound == null ? null : baseRound.id, judged,
                imported.size(), weights, freshStart);
    }

    /** Records, on the round's row, which judgements it read: the range of the new ones and the ids of the replayed ones. */
    @Transactional
    public void record(long roundId, Captured captured) {
        AlignmentRound round = RoundProgress.running(roundId);
        RoundJudgements.Read judged = captured.judgements();
        round.newFrom = judged.newFrom();
        round.newUpto = judged.newUpto();
        round.newJudgements = judged.newCount();
        round.replayedJudgements = judged.replayed().size();
        // Imported pairs carry their id negated; the round read every one between the oldest and the newest it kept.
        LongSummaryStatistics imported = (captured.data() == null ? List.<PreferencePair>of() : captured.data().pairs()).stream()
                .filter(p -> p.judgementId() < 0).mapToLong(p -> -p.judgementId()).summaryStatistics();
        round.importedFrom = imported.getCount() == 0 ? null : imported.getMin();
        round.importedUpto = imported.getCount() == 0 ? null : imported.getMax();
        if (!judged.replayed().isEmpty()) {
            em.createNativeQuery("insert into round_replayed_judgements (round_id, judgement_id) select ?1, unnest(cast(?2 as bigint[]))")
                    .setParameter(1, roundId).setParameter(2, "{" + judged.replayed().stream().map(String::valueOf)
                            .collect(Collectors.joining(",")) + "}").executeUpdate();
        }
    }

    /**
     * Why the reward model cannot continue from the base version's, or null when it may: the base must have one,
     * made by a round that kept the same tickets aside (same seed and held-out share) — otherwise it may have
     * learned from the judgements this round keeps aside for measuring it.
     */
    private static String freshStart(int base, ModelBundle bundle, AlignmentRound baseRound, RoundSettings settings) {
        if (bundle.reward() == null || baseRound == null) {
            return "Its model of reviewers' taste (reward model) started afresh: v" + base + " has none to continue from.";
        }
        Map<String, Object> earlier = baseRound.settings;
        boolean sameSplit = earlier.get("seed") instanceof Number seed && seed.longValue() == settings.seed()
                && earlier.get("heldOutShare") instanceof Number share && share.doubleValue() == settings.heldOutShare();
        return sameSplit ? null : "Its model of reviewers' taste (reward model) started afresh: v" + base + "'s was trained with another seed or share of judgements kept aside, "
                + "so it may have learned from the judgements this round keeps aside for measuring.";
    }

    /**
     * Tickets the policy is distilled on, at most {@code limit}: the workspace's tickets with the lowest text hashes (a
     * fixed sample) and the newest served requests whose text is kept, half each when both have enough, either one
     * filling what the other lacks — every read an index scan with a limit.
     */
    private List<String> policyTickets(int limit) {
        List<String> tickets = texts("select text from tickets order by text_hash offset ?2 limit ?1", limit - limit / 2, 0);
        Set<String> texts = new LinkedHashSet<>(tickets);
        texts.addAll(texts("select text from served_requests where text <> '' order by created_at desc offset ?2 limit ?1",
                limit - tickets.size(), 0));
        if (texts.size() < limit && tickets.size() == limit - limit / 2) {
            texts.addAll(texts("select text from tickets order by text_hash offset ?2 limit ?1", limit - texts.size(), tickets.size()));
        }
        return texts.stream().map(t -> Map.entry(Hashing.sha256Hex(t), t)).sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String sql, int limit, int offset) {
        return em.createNativeQuery(sql).setParameter(1, Math.max(0, limit)).setParameter(2, offset)
                .setHint("org.hibernate.fetchSize", RoundJudgements.FETCH).getResultList();
    }
}
