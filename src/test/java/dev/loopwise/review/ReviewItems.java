package dev.loopwise.review;

import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Review items made directly, so a test knows exactly what is in the queue. */
final class ReviewItems {
    private ReviewItems() {
    }

    /** Closes every open item, then opens {@code count} new ones needing {@code required} judgements each. */
    static List<Long> fresh(EntityManager em, int count, int required, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("update review_items set status = 'complete' where status = 'open'").executeUpdate();
            List<Reply> replies = Reply.listActive();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Reply one = replies.get((2 * i) % replies.size());
                Reply two = replies.get((2 * i + 1) % replies.size());
                ReviewItem item = new ReviewItem();
                item.ticketText = "test ticket " + i + " " + UUID.randomUUID();
                item.ticketHash = UUID.randomUUID().toString();
                item.source = "traffic";
                item.predictedIntent = one.intent.name;
                item.reply1Id = one.id;
                item.reply2Id = two.id;
                item.reply1Text = one.text;
                item.reply2Text = two.text;
                item.strategy = "top2";
                item.kind = kind;
                item.requiredJudgements = required;
                item.persist();
                ids.add(item.id);
            }
            return ids;
        });
    }
}
