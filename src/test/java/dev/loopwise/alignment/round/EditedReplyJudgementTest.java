package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A judgement is about the reply text its reviewer was shown. After an admin edits that library reply, a round learns
 * the judgement on the text as it was shown, not on the new text, which the reviewer never saw.
 */
@QuarkusTest
class EditedReplyJudgementTest {
    @Inject
    EntityManager em;
    @Inject
    UserService users;
    @Inject
    ReviewService review;
    @Inject
    WorkspaceService workspace;

    @Test
    void aRoundLearnsAnEditedReplysJudgementOnTheTextShown() {
        ActiveModel.await();
        User reviewer = ScratchAccounts.user(users.create("edits" + UUID.randomUUID().toString().substring(0, 6), "long-enough-pw",
                "reviewer", null));
        // An item of this test's own: earlier tests may have left the queue empty, or holding an item of another kind.
        long mine = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        ReviewView shown = review.next(reviewer.id).orElseThrow();
        assertEquals(mine, shown.itemId());
        ReviewView.Candidate chosen = shown.candidates().get(0);
        long judgement = review.submit(reviewer.id, reviewer.username, shown.itemId(), new Submission("A", null, null, null, 3000))
                .judgementId();
        ReviewItem item = QuarkusTransaction.requiringNew().call(() -> ReviewItem.findById(shown.itemId()));
        String shownText = chosen.id().equals(item.reply1Id) ? item.reply1Text : item.reply2Text;
        Reply reply = QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>find("from Reply r join fetch r.intent where r.id = ?1",
                chosen.id()).firstResult());
        String original = reply.text;
        // Another test may have edited this reply before this item was made: that would be a change the reviewer saw.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update replies set text_changed_at = null where id = ?1")
                .setParameter(1, reply.id).executeUpdate());
        assertEquals(original, firstOf(judgement), "an unedited reply is learnt in its library form");

        String edited = original + " We have since changed our returns policy.";
        workspace.saveReply(reply.id, reply.intent.name, edited);
        try {
            String learnt = firstOf(judgement);
            assertNotEquals(edited, learnt, "the reviewer never saw the edited text");
            assertEquals(shownText, learnt);
        } finally {
            workspace.saveReply(reply.id, reply.intent.name, original);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update replies set text_changed_at = null where id = ?1")
                    .setParameter(1, reply.id).executeUpdate());
        }
    }

    /** The preferred text of the one judgement a round reads when it starts right before it. */
    private String firstOf(long judgement) {
        RoundJudgements.Read read = QuarkusTransaction.requiringNew().call(() -> new RoundJudgements(em, Map.of())
                .read(judgement - 1, new RoundScope(0, 1, 0), 1));
        PreferencePair pair = read.pairs().stream().filter(p -> p.judgementId() == judgement).findFirst().orElseThrow();
        return pair.first();
    }
}
