package dev.loopwise.alignment;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Hashing;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.ModelBundle;
import dev.loopwise.model.registry.ModelVersion;
import dev.loopwise.model.registry.WorkspaceSnapshot;
import dev.loopwise.review.ReviewStats;
import dev.loopwise.ticket.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads, in one transaction, everything a round uses — and records exactly which judgements those
 * were (lineage). Judgements are read in the replies' library form, so that the reward model scores
 * the same texts the policy chooses among.
 */
@ApplicationScoped
public class RoundSnapshot {
    @Inject
    EntityManager em;
    @Inject
    ReviewStats reviewStats;

    /** @param encoder the base version's encoder: the round reads its vectors, and its candidate keeps it */
    public record Captured(RoundData data, int baseVersion, EncoderRef encoder, int referenceVersion, List<Long> judgementIds,
                           int importedPairs, Map<Long, Double> weights) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Captured capture() {
        ModelVersion active = ModelVersion.findActive()
                .orElseThrow(() -> ApiException.conflict("no_active_model", "Train and activate a model before running a round."));
        ModelBundle bundle = active.bundle();
        int referenceVersion = active.lineage.get("referenceVersion") instanceof Number n ? n.intValue() : active.version;
        ReplyPolicy reference = referenceVersion == active.version ? bundle.policy()
                : ModelVersion.findByVersion(referenceVersion).orElseThrow().bundle().policy();
        if (reference == null) {
            throw ApiException.conflict("no_policy", "The active version has no trained reply policy yet; train one with labelled tickets.");
        }
        Map<Long, Double> weights = reviewStats.weights();
        List<PreferencePair> pairs = new ArrayList<>();
        List<Long> judgementIds = new ArrayList<>();
        List<Object[]> rows = em.createNativeQuery("""
                select j.id, j.reviewer_id, j.choice, j.rating1, j.rating2, i.ticket_text, i.ticket_hash,
                       coalesce(r1.text, i.reply1_text), coalesce(r2.text, i.reply2_text)
                from judgements j join review_items i on i.id = j.item_id
                left join replies r1 on r1.id = i.reply1_id left join replies r2 on r2.id = i.reply2_id
                where j.choice <> 'skip' order by j.id""").getResultList();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            String choice = (String) r[2];
            Integer stars1 = r[3] == null ? null : ((Number) r[3]).intValue();
            Integer stars2 = r[4] == null ? null : ((Number) r[4]).intValue();
            boolean secondWins = choice.equals("2");
            PreferencePair.Kind kind = switch (choice) {
                case "tie" -> PreferencePair.Kind.TIE;
                // "Out of scope": neither reply should be sent, which is what both bad teaches the reward model.
                case "both_bad", "out_of_scope" -> PreferencePair.Kind.BOTH_BAD;
                default -> PreferencePair.Kind.PREFERENCE;
            };
            double margin = kind == PreferencePair.Kind.PREFERENCE && stars1 != null && stars2 != null
                    ? Math.max(0, secondWins ? stars2 - stars1 : stars1 - stars2) / 4.0 : 0;
            double weight = weights.getOrDefault(((Number) r[1]).longValue(), 0.5);
            String first = (String) (secondWins ? r[8] : r[7]);
            String second = (String) (secondWins ? r[7] : r[8]);
            pairs.add(new PreferencePair((String) r[5], first, second, kind, margin, weight, (String) r[6], id));
            judgementIds.add(id);
        }
        List<Object[]> imported = em.createNativeQuery(
                "select id, prompt, chosen, rejected, coalesce(margin, 0) from imported_preferences order by id").getResultList();
        for (Object[] r : imported) {
            pairs.add(new PreferencePair((String) r[1], (String) r[2], (String) r[3], PreferencePair.Kind.PREFERENCE,
                    ((Number) r[4]).doubleValue(), 1.0, Hashing.sha256Hex((String) r[1]), -((Number) r[0]).longValue()));
        }
        List<String> tickets = em.createNativeQuery("""
                select text from (select text, text_hash from tickets
                                  union select text, text_hash from served_requests where text <> '') t order by text_hash""").getResultList();
        List<WorkspaceSnapshot.ReplyInfo> replies = Reply.listActive().stream()
                .map(r -> new WorkspaceSnapshot.ReplyInfo(r.id, r.intent.name, r.text)).toList();
        List<Object[]> test = em.createNativeQuery("""
                select t.id, t.text, i.name from tickets t join intents i on i.id = t.intent_id where t.split = 'test' order by t.id""")
                .getResultList();
        List<WorkspaceSnapshot.TicketInfo> intentTest = test.stream()
                .map(r -> new WorkspaceSnapshot.TicketInfo(((Number) r[0]).longValue(), (String) r[1], (String) r[2], null, "test"))
                .filter(t -> bundle.intent().labels().contains(t.intent())).toList();
        return new Captured(new RoundData(bundle, reference, pairs, tickets, replies, intentTest), active.version, active.encoder(),
                referenceVersion,
                judgementIds, imported.size(), weights);
    }
}
