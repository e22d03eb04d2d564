package dev.loopwise.review;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Review items made directly, so a test knows exactly what is in the queue. */
public final class ReviewItems {
    private ReviewItems() {
    }

    /** Closes every open item, then opens {@code count} new ones needing {@code required} judgements each. */
    public static List<Long> fresh(EntityManager em, int count, int required, String kind) {
        return fresh(em, count, required, kind, "traffic", null, null);
    }

    /**
     * Closes every open item, then opens one with this ticket text from this source: "request" (served traffic,
     * {@code sourceId} a request id) or "traffic" (a workspace ticket, {@code sourceId} its id).
     */
    public static long fromSource(EntityManager em, String text, String source, String sourceId, int required) {
        return fresh(em, 1, required, required > 1 ? ReviewItem.OVERLAP : ReviewItem.REGULAR, source, sourceId, text).get(0);
    }

    private static List<Long> fresh(EntityManager em, int count, int required, String kind, String source, String sourceId, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("update review_items set status = 'complete' where status = 'open'").executeUpdate();
            List<Reply> replies = Reply.listActive();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Reply one = replies.get((2 * i) % replies.size());
                Reply two = replies.get((2 * i + 1) % replies.size());
                ReviewItem item = new ReviewItem();
                item.ticketText = text != null ? text : "test ticket " + i + " " + lettersOnly(UUID.randomUUID());
                item.ticketHash = text != null ? Hashing.sha256Hex(text) : UUID.randomUUID().toString();
                item.source = source;
                item.sourceId = sourceId;
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

    /** A unique tag without digits: served pages mask digit runs that look like phone numbers ("0 81234567-..."). */
    private static String lettersOnly(UUID id) {
        StringBuilder tag = new StringBuilder();
        id.toString().chars().forEach(c -> tag.append(Character.isDigit(c) ? (char) ('g' + c - '0') : (char) c));
        return tag.toString();
    }

    /**
     * The browser test's queue, in this order: a ticket full of HTML, a cast-iron question, a cancellation
     * whose replies carry unfilled slots (and markup), {@code servedText} from served traffic, a refund question.
     */
    static List<Long> judgingQueue(EntityManager em, String reviewer, String servedText) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("update review_items set status = 'complete' where status = 'open'").executeUpdate();
            List<Reply> replies = Reply.listActive();
            String[] tickets = {"<script>window.__pwned = true</script><b>URGENT</b> my order FH-777777 never came " + reviewer,
                    "How do I clean the cast iron pan " + reviewer, "Please cancel order FH-123123 " + reviewer, servedText,
                    "Where is my refund " + reviewer};
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < tickets.length; i++) {
                ReviewItem item = new ReviewItem();
                item.ticketText = tickets[i];
                item.ticketHash = UUID.randomUUID().toString();
                item.source = i == 3 ? "request" : "traffic";
                item.sourceId = i == 3 ? UUID.randomUUID().toString() : null;
                item.predictedIntent = replies.get(2 * i).intent.name;
                item.reply1Id = replies.get(2 * i).id;
                item.reply2Id = replies.get(2 * i + 1).id;
                item.reply1Text = i == 2 ? "Hi! Order {{order_number}} is cancelled; {{refund_amount}} goes back to your card."
                        : replies.get(2 * i).text;
                item.reply2Text = i == 2 ? "We are sorry: <i>{{ customer_name }}</i>, it is on its way." : replies.get(2 * i + 1).text;
                item.strategy = "top2";
                item.requiredJudgements = 1;
                item.persist();
                ids.add(item.id);
            }
            return ids;
        });
    }
}
