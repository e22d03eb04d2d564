package dev.loopwise.review;

import dev.loopwise.ticket.Ticket;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tickets a test added to keep the review queue from running dry: after the test they go, with the review items made
 * from them and any judgements those items still hold (taken back from the running sums, {@link ScratchReviewers}).
 * Registered in {@code META-INF/services}, so no test has to remember it.
 */
public class ScratchTickets implements QuarkusTestAfterEachCallback {
    private static final Set<Long> TICKETS = ConcurrentHashMap.newKeySet();

    /** The tickets whose text ends with this tag, added for this test alone. */
    public static void taggedWith(String tag) {
        endingWith(" (" + tag + ")");
    }

    /** The tickets whose text ends with this, a marker of this test's own run. */
    public static void endingWith(String ending) {
        TICKETS.addAll(QuarkusTransaction.requiringNew().call(() -> em().createNativeQuery(
                "select id from tickets where text like ?1", Long.class).setParameter(1, "%" + ending).getResultList()));
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        List<Long> made;
        synchronized (ScratchTickets.class) {
            made = List.copyOf(TICKETS);
            TICKETS.removeAll(made);
        }
        if (made.isEmpty()) {
            return;
        }
        Long[] ids = made.toArray(Long[]::new);
        // The tickets first, so the queue's refill makes no new items from them while theirs are being removed.
        List<Long> items = QuarkusTransaction.requiringNew().call(() -> {
            em().createNativeQuery("delete from tickets where id = any(?1)").setParameter(1, ids).executeUpdate();
            // The queue saves an item made from a ticket as 'traffic' with the ticket's id; 'ticket' is an older name for it.
            return em().createNativeQuery("select id from review_items where source in (?1, 'ticket') and source_id = any(?2)", Long.class)
                    .setParameter(1, Ticket.SOURCE_TRAFFIC).setParameter(2, made.stream().map(String::valueOf).toArray(String[]::new))
                    .getResultList();
        });
        ScratchReviewers.remove(List.of(), items);
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
