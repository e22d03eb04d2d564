package dev.loopwise.review;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Asking for the next item leases it, so a HEAD (sent freely by link checkers, proxies and monitors, and answered by JAX-RS
 * by running the GET) would take an item out of the queue for nobody: it is refused, and leases nothing.
 */
@QuarkusTest
class NextItemHeadTest extends ReviewerTest {
    private final List<Long> items = new ArrayList<>();
    private final List<Long> reviewers = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        ScratchReviewers.remove(reviewers, items);
    }

    @Test
    void aHeadOfTheNextItemLeasesNothing() {
        items.addAll(ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR));
        Caller key = reviewer();
        long reviewerId = idOf(key.username);
        reviewers.add(reviewerId);
        Caller browser = Caller.session(key.username, "long-enough-pw");

        key.request().head("/api/v1/review/next").then().statusCode(405).header("Allow", "GET, OPTIONS");
        browser.request().accept("application/json").head("/review/items/next").then().statusCode(405).header("Allow", "GET, OPTIONS");
        assertEquals(0, leases(reviewerId), "a HEAD leaves the item waiting for whoever asks for it");
        key.request().options("/api/v1/review/next").then().statusCode(204).header("Allow", "GET, OPTIONS");

        // The GET itself still leases, and a HEAD of an address that changes nothing still answers.
        key.request().get("/api/v1/review/next").then().statusCode(200).body("itemId", equalTo(items.get(0).intValue()));
        assertEquals(1, leases(reviewerId));
        key.request().head("/api/v1/me").then().statusCode(200);
    }

    private long leases(long reviewerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from review_leases where reviewer_id = ?1").setParameter(1, reviewerId).getSingleResult()).longValue());
    }

    private long idOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select id from users where username = ?1")
                .setParameter(1, username).getSingleResult()).longValue());
    }
}
