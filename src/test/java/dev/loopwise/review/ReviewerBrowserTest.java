package dev.loopwise.review;

import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    /**
     * Signs a reviewer of {@link #newReviewer} in on the login page a redirect brought the browser to, so that it goes back
     * to the page it left (what that page kept in the tab included), or on a new one.
     */
    protected void signIn(WebDriverWait wait, String reviewer) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(base + "login");
        }
        driver.findElement(By.name("j_username")).sendKeys(reviewer);
        newPageAfter(() -> driver.findElement(By.name("j_password")).sendKeys("browser-password", Keys.ENTER));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** The reviewer's judgements as stored, oldest first. */
    protected static List<Judgement> choices(String reviewer) {
        long reviewerId = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(reviewer).orElseThrow().id);
        return QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>list("reviewerId = ?1 order by id", reviewerId));
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
