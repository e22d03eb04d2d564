package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * A reviewer whose home shows "0 waiting" while a model answers is told that starting still makes items: the bare zero
 * sent them away, though the judging page would have made new items from recent tickets at once.
 */
@QuarkusTest
class EmptyQueueHomeTest {
    @Inject
    EntityManager em;

    @Test
    void anEmptyQueueSaysStartingMakesItems() {
        ActiveModel.await();
        Caller reviewer = Caller.session("reviewer1");
        ReviewItems.fresh(em, 0, 1, ReviewItem.REGULAR);
        String empty = home(reviewer);
        assertTrue(empty.contains("id=\"home-waiting\">0<") && empty.contains("id=\"nothing-waiting\"")
                && empty.contains(ReviewMessages.REVIEW_NOTHING_WAITING_NOW), empty);
        assertTrue(empty.contains("id=\"today-note\">" + ReviewMessages.REVIEW_TODAY_NOTE), "the page says which day counts");

        ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        assertFalse(home(reviewer).contains("nothing-waiting"), "the note stays away while items wait");
    }

    private static String home(Caller reviewer) {
        return reviewer.request().accept("text/html").get("/review").then().statusCode(200).extract().asString();
    }
}
