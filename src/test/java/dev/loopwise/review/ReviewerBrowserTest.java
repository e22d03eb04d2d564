package dev.loopwise.review;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** A browser test of the reviewer's pages: the application's address, and what it needs to make reviewers and items. */
public abstract class ReviewerBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    protected URL base;
    @Inject
    protected UserService users;
    @Inject
    protected EntityManager em;

    private List<Long> madeItems = List.of();

    /**
     * A new reviewer of this test's own, named {@code prefix} and six random characters, who signs in with the password
     * "browser-password"; removed with their judgements after the test (see {@link ScratchAccounts}).
     */
    protected String newReviewer(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        ScratchAccounts.user(users.create(name, "browser-password", "reviewer", null));
        return name;
    }

    /** Closes every open item, then opens {@code count} regular ones for this test alone (see {@link ReviewItems#fresh}). */
    protected List<Long> freshItems(int count) {
        madeItems = ReviewItems.fresh(em, count, 1, ReviewItem.REGULAR);
        return madeItems;
    }

    @AfterEach
    void closeMadeItems() {
        // What a test left unjudged leaves the shared queue; judged items stay, with their judgements, as history.
        List<Long> made = madeItems;
        madeItems = List.of();
        QuarkusTransaction.requiringNew().run(() -> made.forEach(id -> em.createNativeQuery(
                "update review_items set status = 'complete' where id = ?1 and status = 'open'").setParameter(1, id).executeUpdate()));
    }
}
