package dev.loopwise.review;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.text.Counts;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.SlotFiller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Library replies proposed from the agents' own answers in the imported tickets, for intents with none: the most
 * typical answer of each (the one most like the others), its order numbers, e-mail addresses and phone numbers turned
 * into slots. They wait, like reviewers' rewrites, for the lead to accept or discard them: an agent's answer was written
 * to one customer and may still say something only that customer should read.
 */
@ApplicationScoped
public class AgentReplyProposals {
    /** Agent answers compared per intent: enough to find a typical one, bounded whatever the history. */
    static final int ANSWERS_PER_INTENT = 60;
    static final String PROPOSER = "agents' replies";

    @Inject
    EntityManager em;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    AuditLog audit;

    /**
     * Proposes one reply per intent that has neither a reply nor a proposal yet; returns how many. The answers are read,
     * then encoded outside any transaction (minutes for many intents), then the proposals are written together.
     */
    @SuppressWarnings("unchecked")
    /** Intents, out of scope aside, with neither an active nor a waiting reply. */
    public static long intentsWithoutReply() {
        return ((Number) Reply.getEntityManager().createNativeQuery("""
                select count(*) from intents i where i.name <> ?1
                  and not exists (select 1 from replies r where r.intent_id = i.id and r.status in ('active', 'pending'))""")
                .setParameter(1, ModelTrainer.OUT_OF_SCOPE_LABEL).getSingleResult()).longValue();
    }

    public int propose() {
        Map<Long, List<String>> answers = QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, List<String>> byIntent = new LinkedHashMap<>();
            List<Number> intents = em.createNativeQuery("""
                    select i.id from intents i where i.name <> ?1
                      and not exists (select 1 from replies r where r.intent_id = i.id and r.status in ('active', 'pending'))
                      and exists (select 1 from tickets t where t.intent_id = i.id and t.response is not null and t.response <> '')
                    order by i.name""").setParameter(1, ModelTrainer.OUT_OF_SCOPE_LABEL).getResultList();
            for (Number id : intents) {
                byIntent.put(id.longValue(), em.createNativeQuery("select distinct response from tickets where intent_id = ?1 and"
                        + " response is not null and response <> '' limit ?2").setParameter(1, id.longValue())
                        .setParameter(2, ANSWERS_PER_INTENT).getResultList());
            }
            return byIntent;
        });
        Map<Long, String> chosen = new LinkedHashMap<>();
        answers.forEach((intent, texts) -> chosen.put(intent, SlotFiller.asSlots(typical(texts)).strip()));
        return QuarkusTransaction.requiringNew().call(() -> {
            int proposed = 0;
            for (Map.Entry<Long, String> proposal : new TreeMap<>(chosen).entrySet()) {
                // Locked as a reply save locks it, in ascending id order as a merge of intents locks them: proposals asked for
                // at the same moment take turns, and the second finds the first one's proposal waiting.
                Intent intent = Intent.findById(proposal.getKey(), LockModeType.PESSIMISTIC_WRITE);
                boolean taken = Reply.count("intent.id = ?1 and status in ?2", proposal.getKey(), List.of(Reply.ACTIVE, Reply.PENDING)) > 0;
                if (intent == null || taken) {
                    continue; // deleted, or given a reply while the answers were compared
                }
                try {
                    Reply.requirePublishable(intent, proposal.getValue(), null);
                } catch (ApiException refused) {
                    continue; // too long, hidden characters, or the same as a reply already there: nothing to propose
                }
                Reply reply = new Reply();
                reply.intent = intent;
                reply.text = proposal.getValue();
                reply.status = Reply.PENDING;
                reply.createdBy = PROPOSER;
                reply.persist();
                proposed++;
            }
            audit.record("reply.propose", Counts.of(proposed, "reply|replies"), Map.of());
            return proposed;
        });
    }

    /** The answer most like the others (highest mean cosine similarity): what agents usually say, not an outlier. */
    private String typical(List<String> answers) {
        if (answers.size() <= 2) {
            return answers.get(0);
        }
        float[][] x = embeddings.embed(embeddings.workspaceEncoder(), answers);
        int best = 0;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (float[] other : x) {
                sum += Vectors.dot(x[i], other);
            }
            if (sum > bestMean) {
                bestMean = sum;
                best = i;
            }
        }
        return answers.get(best);
    }
}
