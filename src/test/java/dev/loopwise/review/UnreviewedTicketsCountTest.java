package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The count behind Overview's review step: tickets without an intent no review item was made from, among the newest N
 * without one. The rows are written and counted in one transaction that is rolled back, so the queue's background refill
 * never sees them (it would make items from them) and nothing is left behind.
 */
@QuarkusTest
class UnreviewedTicketsCountTest {
    @Inject
    EntityManager em;

    @Test
    void countsTheNewestTicketsWithoutAnIntentThatNoItemWasMadeFrom() {
        String tag = UUID.randomUUID().toString();
        List<Long> counts = new ArrayList<>();
        QuarkusTransaction.begin();
        try {
            // t1 … t4, oldest first, none reviewed yet.
            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                texts.add("unreviewed count t" + i + " " + tag);
                ticket(texts.get(i - 1), false);
            }
            counts.add(ReviewItem.countUnreviewedTickets(4)); // 4: none reviewed
            item(texts.get(1));
            item(texts.get(3));
            counts.add(ReviewItem.countUnreviewedTickets(4)); // 2: t1 and t3
            counts.add(ReviewItem.countUnreviewedTickets(3)); // 1: the cap looks at t4, t3, t2 only, so t3
            counts.add(ReviewItem.countUnreviewedTickets(1)); // 0: t4 alone, reviewed
            // A newer labelled ticket takes no place among the newest without an intent.
            ticket("unreviewed count labelled " + tag, true);
            counts.add(ReviewItem.countUnreviewedTickets(2)); // 1: still t4 and t3
            item(texts.get(0));
            item(texts.get(2));
            counts.add(ReviewItem.countUnreviewedTickets(4)); // 0: all four reviewed
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(List.of(4L, 2L, 1L, 0L, 1L, 0L), counts);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from tickets where text like ?1").setParameter(1, "% " + tag).getSingleResult()).longValue()),
                "nothing left behind");
    }

    private void ticket(String text, boolean labelled) {
        em.createNativeQuery("insert into tickets (text, text_hash, source, intent_id) values (?1, ?2, 'import', "
                + (labelled ? "(select min(id) from intents)" : "null") + ")")
                .setParameter(1, text).setParameter(2, Hashing.sha256Hex(text)).executeUpdate();
    }

    /** An item on this ticket's text, as the queue makes them (matched by the text's hash). */
    private void item(String text) {
        em.createNativeQuery("""
                insert into review_items (ticket_text, ticket_hash, source, reply1_text, reply2_text, reply1_kind, reply2_kind,
                                          strategy, required_judgements)
                values (?1, ?2, 'ticket', 'First reply.', 'Second reply.', 'draft', 'draft', 'sample', 1)""")
                .setParameter(1, text).setParameter(2, Hashing.sha256Hex(text)).executeUpdate();
    }
}
