package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AtOnce;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.ScratchIntents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An intent whose tickets hold agents' answers but which has no reply gets the typical answer proposed, as slots. */
@QuarkusTest
class AgentReplyProposalsTest {
    @Inject
    EntityManager em;
    @Inject
    AgentReplyProposals proposals;

    @Test
    void theTypicalAgentAnswerIsProposedWithSlotsAndWaitsForTheLead() {
        ActiveModel.await();
        long intent = ScratchIntents.create("aaa_gift_card_balance");
        try {
            List<String> answers = List.of(
                    "You can see your gift card balance under Account, Gift cards. Order 732201349959 used part of it.",
                    "You can see the gift card balance under Account, then Gift cards; order 48213377 used some of it.",
                    "Our warehouse in Leeds ships on weekdays only.");
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < answers.size(); i++) {
                    em.createNativeQuery("insert into tickets (text, text_hash, intent_id, source, response) values (?1, ?2, ?3, 'import', ?4)")
                            .setParameter(1, "how much is left on my gift card " + i).setParameter(2, "scratch-gift-" + i)
                            .setParameter(3, intent).setParameter(4, answers.get(i)).executeUpdate();
                }
            });
            Caller admin = Caller.session("admin");
            String location = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .post("/admin/review/proposals").then().statusCode(303).extract().header("Location");
            // A browser keeps the fragment to itself.
            String page = admin.pageRequest().accept("text/html").get(location.replaceFirst("#.*", "")).then().statusCode(200).extract().asString();
            assertTrue(page.contains("from your agents&#39; answers"), page);
            List<Reply> proposed = QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>list("intent.id", intent));
            assertEquals(1, proposed.size(), "one proposal for the intent");
            Reply reply = proposed.get(0);
            assertEquals(Reply.PENDING, reply.status, "it waits for the lead");
            assertEquals(AgentReplyProposals.PROPOSER, reply.createdBy);
            assertTrue(reply.text.startsWith("You can see") && reply.text.contains("rder {{order_number}}"),
                    "a typical answer, not the outlier, its order number a slot: " + reply.text);
            assertTrue(page.contains("{{order_number}}"), "listed with the rewrites waiting for a decision");
            // Accepted, it is called what it is: an agent's answer, not a reviewer's rewrite.
            String accepted = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("decision", "accept").post("/admin/review/rewrites/" + reply.id).then().statusCode(303)
                    .extract().header("Location");
            String notice = admin.pageRequest().accept("text/html").get(accepted).asString();
            assertTrue(notice.contains("The reply is now in the library, under its intent"), notice);
            assertFalse(notice.contains("The rewrite is now"), notice);
            // Asked again, an intent with a proposal waiting gets no second one; an intent without agents' answers gets none,
            // and the notice says why rather than that every intent has a reply.
            long unanswered = ScratchIntents.create("aaa_no_agent_answers");
            try {
                String again = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                        .post("/admin/review/proposals").then().statusCode(303).extract().header("Location");
                assertTrue(again.endsWith("/admin/review?proposed=0"), again);
                assertTrue(admin.pageRequest().accept("text/html").get(again).asString().contains("no reply yet, but none of their"
                        + " tickets holds an agent&#39;s answer"));
            } finally {
                ScratchIntents.delete(unanswered);
            }
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Reply.count("intent.id", intent)));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from replies where intent_id = ?1").setParameter(1, intent).executeUpdate();
                em.createNativeQuery("delete from tickets where intent_id = ?1").setParameter(1, intent).executeUpdate();
            });
            ScratchIntents.delete(intent);
        }
    }

    @Test
    void proposalsAskedForTogetherProposeOneReplyPerIntent() throws Exception {
        ActiveModel.await();
        long intent = ScratchIntents.create("aaa_parcel_locker_code");
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 3; i++) {
                    em.createNativeQuery("insert into tickets (text, text_hash, intent_id, source, response) values (?1, ?2, ?3, 'import', ?4)")
                            .setParameter(1, "where is my locker code " + i).setParameter(2, "scratch-locker-" + i)
                            .setParameter(3, intent).setParameter(4, "The locker code is in the text message we sent you.")
                            .executeUpdate();
                }
            });
            AtOnce.times(4, proposals::propose);
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Reply.count("intent.id", intent)),
                    "one waiting proposal, however many admins asked at the same moment");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from replies where intent_id = ?1").setParameter(1, intent).executeUpdate();
                em.createNativeQuery("delete from tickets where intent_id = ?1").setParameter(1, intent).executeUpdate();
            });
            ScratchIntents.delete(intent);
        }
    }
}
