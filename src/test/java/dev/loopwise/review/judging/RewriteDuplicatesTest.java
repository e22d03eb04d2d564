package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ReviewAdminMessages;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.ReviewerTest;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.ScratchIntents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A rewrite that is word for word a library reply adds nothing to the library, under its intent or another. */
@QuarkusTest
class RewriteDuplicatesTest extends ReviewerTest {
    // The library's own replies are left alone: another test may have left one behind with any text, under any intent.
    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @AfterEach
    void removeIntents() {
        ScratchIntents.deleteWithTickets("dup_here_" + tag);
        ScratchIntents.deleteWithTickets("dup_there_" + tag);
    }

    @Test
    void aLibraryReplyPastedAsARewriteIsKeptWithTheJudgementButNotProposed() {
        long id = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        Reply elsewhere = reply(intent("dup_here_"), "Your parcel left our depot today " + tag + ".", Reply.ACTIVE);
        Caller reviewer = reviewer();
        assertEquals(id, ((Number) reviewer.request().get("/api/v1/review/next").path("itemId")).longValue());
        reviewer.request().contentType("application/json")
                .body(Map.of("choice", "both_bad", "rewrite", elsewhere.text)).post("/api/v1/review/" + id).then().statusCode(201);
        assertEquals(elsewhere.text, QuarkusTransaction.requiringNew().call(
                () -> Judgement.<Judgement>find("itemId", id).singleResult().rewrite));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Reply.count("text = ?1 and status = ?2", elsewhere.text,
                Reply.PENDING)), "the rewrite is not proposed for the library");
    }

    @Test
    void acceptingAReplyThatAnotherIntentHasIsRefusedAndItStaysPending() {
        Reply elsewhere = reply(intent("dup_here_"), "We refunded your order in full " + tag + ".", Reply.ACTIVE);
        long pending = reply(intent("dup_there_"), elsewhere.text, Reply.PENDING).id;
        Caller admin = Caller.session("admin");
        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").formParam("decision", "accept")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/review/rewrites/" + pending).then().statusCode(409)
                .body(Matchers.containsString(ReviewAdminMessages.rewriteElsewhere(elsewhere.id, elsewhere.intent.name)
                        .replace("'", "&#39;")));
        assertEquals(Reply.PENDING, QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>findById(pending).status));
    }

    private Intent intent(String prefix) {
        long id = ScratchIntents.create(prefix + tag);
        return QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>findById(id));
    }

    private static Reply reply(Intent intent, String text, String status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reply reply = new Reply();
            reply.intent = Intent.findById(intent.id);
            reply.text = text;
            reply.status = status;
            reply.persist();
            return reply;
        });
    }
}
