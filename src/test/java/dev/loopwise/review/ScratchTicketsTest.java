package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A test's tagged tickets go with the items the queue made from them, and nothing else goes with them. */
@QuarkusTest
class ScratchTicketsTest {
    @Inject
    EntityManager em;

    @Test
    void theItemsMadeFromATaggedTicketGoWithItAndAnUntaggedTicketKeepsItsOwn() {
        String tag = UUID.randomUUID().toString();
        long tagged = ticket("where is my parcel (" + tag + ")");
        long untagged = ticket("where is my parcel " + tag);
        long fromTagged = item("where is my parcel (" + tag + ")", tagged);
        long fromUntagged = item("where is my parcel " + tag, untagged);
        try {
            ScratchTickets.taggedWith(tag);
            // The clean-up looked for items saved as 'ticket', which the queue never writes: the tagged ticket's item stayed.
            new ScratchTickets().afterEach(null);
            assertEquals(List.of(fromUntagged), ids("select id from review_items where id in (?1, ?2) order by id", fromTagged, fromUntagged));
            assertEquals(List.of(untagged), ids("select id from tickets where id in (?1, ?2) order by id", tagged, untagged));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from review_items where id in (?1, ?2) or source = ?3 and source_id in (?4, ?5)")
                        .setParameter(1, fromTagged).setParameter(2, fromUntagged).setParameter(3, Ticket.SOURCE_TRAFFIC)
                        .setParameter(4, String.valueOf(tagged)).setParameter(5, String.valueOf(untagged)).executeUpdate();
                em.createNativeQuery("delete from tickets where id in (?1, ?2)").setParameter(1, tagged).setParameter(2, untagged)
                        .executeUpdate();
            });
        }
    }

    private long ticket(String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.of(text, null, null, null, Ticket.SOURCE_IMPORT);
            ticket.persist();
            return ticket.id;
        });
    }

    /** An item as the queue makes one from a ticket (ReviewSources); complete, so that no reviewer is handed it meanwhile. */
    private long item(String text, long ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Reply> replies = Reply.listActive();
            ReviewItem item = new ReviewItem();
            item.ticketText = text;
            // The ticket's own hash, as the queue writes it: a refill meanwhile sees the ticket has its item.
            item.ticketHash = Ticket.<Ticket>findById(ticketId).textHash;
            item.source = Ticket.SOURCE_TRAFFIC;
            item.sourceId = String.valueOf(ticketId);
            item.predictedIntent = replies.get(0).intent.name;
            item.reply1Id = replies.get(0).id;
            item.reply2Id = replies.get(1).id;
            item.reply1Text = replies.get(0).text;
            item.reply2Text = replies.get(1).text;
            item.strategy = "top2";
            item.requiredJudgements = 1;
            item.status = ReviewItem.COMPLETE;
            item.persist();
            return item.id;
        });
    }

    private List<Long> ids(String query, long first, long second) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(query, Long.class).setParameter(1, first)
                .setParameter(2, second).getResultList());
    }
}
