package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.ReviewerTest;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rewrite that is word for word a library reply adds nothing to the library, under its intent or another. */
@QuarkusTest
class RewriteDuplicatesTest extends ReviewerTest {
    @Test
    void aLibraryReplyPastedAsARewriteIsKeptWithTheJudgementButNotProposed() {
        long id = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        Reply elsewhere = QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>find(
                "from Reply r join fetch r.intent where r.status = ?1 order by r.id desc", Reply.ACTIVE).firstResult());
        Caller reviewer = reviewer();
        assertEquals(id, ((Number) reviewer.request().get("/api/v1/review/next").path("itemId")).longValue());
        long pendingBefore = QuarkusTransaction.requiringNew().call(() -> Reply.count("status", Reply.PENDING));
        reviewer.request().contentType("application/json")
                .body(Map.of("choice", "both_bad", "rewrite", elsewhere.text)).post("/api/v1/review/" + id).then().statusCode(201);
        assertEquals(elsewhere.text, QuarkusTransaction.requiringNew().call(
                () -> Judgement.<Judgement>find("itemId", id).singleResult().rewrite));
        assertEquals(pendingBefore, QuarkusTransaction.requiringNew().call(() -> Reply.count("status", Reply.PENDING)));
    }

    @Test
    void acceptingAReplyThatAnotherIntentHasIsRefusedAndItStaysPending() {
        Reply elsewhere = QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>find(
                "from Reply r join fetch r.intent where r.status = ?1 order by r.id", Reply.ACTIVE).firstResult());
        long pending = QuarkusTransaction.requiringNew().call(() -> {
            Reply other = Reply.<Reply>find("from Reply r join fetch r.intent where r.status = ?1 and r.intent != ?2", Reply.ACTIVE,
                    elsewhere.intent).firstResult();
            Reply copy = new Reply();
            copy.intent = other.intent;
            copy.text = elsewhere.text;
            copy.status = Reply.PENDING;
            copy.persist();
            return copy.id;
        });
        Caller admin = Caller.session("admin");
        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").formParam("decision", "accept")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/review/rewrites/" + pending).then().statusCode(409)
                .body(org.hamcrest.Matchers.containsString(ReviewMessages.rewriteElsewhere(elsewhere.id, elsewhere.intent.name)
                        .replace("'", "&#39;")));
        assertEquals(Reply.PENDING, QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>findById(pending).status));
    }
}
