package dev.loopwise.review;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.JudgementMessages;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A choice on an item that is no longer the reviewer's is refused in words that say it was not saved and what to do next:
 * the judging page shows the sentence and moves on, and "it went to another reviewer" alone left them to guess.
 */
@QuarkusTest
class RefusedChoiceWordsTest extends ReviewerTest {
    @Test
    void aChoiceOnAnItemAnotherReviewerTookSaysItWasNotSaved() {
        List<Long> items = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR);
        Caller slow = reviewer();
        Caller quick = reviewer();
        long item = ReviewApiTest.nextId(slow);
        assertEquals(items.get(0), item);
        // The slow reviewer's time on it runs out, and the item goes to the next one who asks.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_leases set expires_at = now() - interval '1 minute' where item_id = ?1").setParameter(1, item).executeUpdate());
        assertEquals(item, ReviewApiTest.nextId(quick));
        choose(quick, item).then().statusCode(201);

        choose(slow, item).then().statusCode(409).body("code", equalTo("lease_expired"))
                .body("error", equalTo(JudgementMessages.LEASE_EXPIRED));
        choose(reviewer(), item).then().statusCode(409).body("code", equalTo("not_leased"))
                .body("error", equalTo(JudgementMessages.NOT_LEASED));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from judgements where item_id = ?1").setParameter(1, item).getSingleResult()).longValue()));
    }

    private static Response choose(Caller caller, long item) {
        return caller.request().contentType("application/json").body("{\"choice\":\"A\"}").post("/api/v1/review/" + item);
    }
}
