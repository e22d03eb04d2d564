package dev.loopwise.review.judging;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A reviewer's "out of scope" verdict teaches the out-of-scope threshold: the item's ticket is labelled
 * with the workspace's out-of-scope intent ({@value ModelTrainer#OUT_OF_SCOPE_LABEL}), exactly as an
 * imported {@code oos} row is, so the next training run learns it. A ticket that came from served traffic
 * is not a workspace ticket yet, so it is created (source {@value #SOURCE}). An undo takes the label back
 * unless another reviewer's out-of-scope verdict on the same ticket still stands. A ticket someone else
 * labelled (an import, an admin) keeps its label: a reviewer's verdict adds examples, it does not overrule.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
class OutOfScopeLabels {
    /** Source of tickets created by reviewers' verdicts (not in {@link Ticket}: that package belongs to the workspace). */
    static final String SOURCE = "review";
    /** Metadata key marking a label set by a verdict, so an undo removes only what a verdict put there. */
    static final String LABELLED_BY = "labelled_by";
    static final String INTENT_DESCRIPTION =
            "Not something support answers with a library reply: general questions, chit-chat, other companies";

    @Inject
    EntityManager em;

    void label(ReviewItem item) {
        Intent oos = outOfScopeIntent();
        Optional<Ticket> found = ticket(item);
        if (found.isEmpty()) {
            Ticket ticket = Ticket.of(item.ticketText, oos, null, Ticket.defaultSplit(item.ticketText), SOURCE);
            ticket.metadata.put(LABELLED_BY, SOURCE);
            ticket.metadata.put("review_item", String.valueOf(item.id));
            ticket.persist();
        } else if (found.get().intent == null) {
            Ticket ticket = found.get();
            ticket.intent = oos;
            ticket.split = Ticket.defaultSplit(ticket.text);
            ticket.metadata = marked(ticket, true);
        }
    }

    /** Called after the verdict's judgement is gone, so only other reviewers' verdicts remain to count. */
    void withdraw(ReviewItem item) {
        long standing = ((Number) em.createNativeQuery("""
                select count(*) from judgements j join review_items i on i.id = j.item_id
                where j.choice = ?1 and (i.id = ?2 or i.ticket_hash = ?3)""")
                .setParameter(1, Judgement.OUT_OF_SCOPE).setParameter(2, item.id).setParameter(3, item.ticketHash)
                .getSingleResult()).longValue();
        if (standing > 0) {
            return;
        }
        ticket(item).filter(t -> SOURCE.equals(t.metadata.get(LABELLED_BY))).ifPresent(ticket -> {
            if (SOURCE.equals(ticket.source)) {
                ticket.delete();
            } else if (ticket.intent != null && ModelTrainer.OUT_OF_SCOPE_LABEL.equals(ticket.intent.name)) {
                ticket.intent = null;
                ticket.split = null;
                ticket.metadata = marked(ticket, false);
            }
        });
    }

    /** The workspace ticket the item shows: by id for imported tickets, else by the text (served traffic). */
    private Optional<Ticket> ticket(ReviewItem item) {
        boolean byId = ("traffic".equals(item.source) || "ticket".equals(item.source))
                && item.sourceId != null && item.sourceId.matches("\\d{1,18}");
        if (byId) {
            Optional<Ticket> ticket = Ticket.findByIdOptional(Long.parseLong(item.sourceId));
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Ticket.<Ticket>find("textHash = ?1 and text = ?2 order by id", Hashing.sha256Hex(item.ticketText), item.ticketText)
                .firstResultOptional();
    }

    /** The out-of-scope intent, made when the workspace has none yet (several reviewers may get here at once). */
    private Intent outOfScopeIntent() {
        em.createNativeQuery("insert into intents (name, description) values (?1, ?2) on conflict (name) do nothing")
                .setParameter(1, ModelTrainer.OUT_OF_SCOPE_LABEL).setParameter(2, INTENT_DESCRIPTION).executeUpdate();
        return Intent.findByName(ModelTrainer.OUT_OF_SCOPE_LABEL).orElseThrow();
    }

    /** A new map, so the JSON column is seen as changed. */
    private static Map<String, String> marked(Ticket ticket, boolean mark) {
        Map<String, String> metadata = new LinkedHashMap<>(ticket.metadata);
        if (mark) {
            metadata.put(LABELLED_BY, SOURCE);
        } else {
            metadata.remove(LABELLED_BY);
        }
        return metadata;
    }
}
