package dev.loopwise.review;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reviewer's figures and limits are grouped as every count in Loopwise is: 12,345 judgements, not 12345. */
@QuarkusTest
class GroupedCountersTest {
    private static final String PASSWORD = "long-enough-pw";

    @Inject
    UserService users;
    @Inject
    EntityManager em;
    private User user;

    @AfterEach
    void removeWhatWasMade() {
        if (user != null) {
            ScratchReviewers.remove(List.of(user.id), List.of());
        }
    }

    @Test
    void aLongServingReviewersTotalIsGroupedOnTheHomeAndJudgingPages() {
        ActiveModel.await();
        user = users.create("grouped" + UUID.randomUUID().toString().substring(0, 6), PASSWORD, "reviewer", null);
        // The total is read from the reviewer's running sums: a long history is set there rather than judged here.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into review_reviewer_tallies (reviewer_id, judgements) values (?1, 12345)").setParameter(1, user.id).executeUpdate());
        Caller reviewer = Caller.session(user.username, PASSWORD);
        String home = reviewer.request().accept("text/html").get("/review").then().statusCode(200).extract().asString();
        assertTrue(home.contains("id=\"home-total\">12,345<"), home);
        String judge = reviewer.request().accept("text/html").get("/review/judge").then().statusCode(200).extract().asString();
        assertTrue(judge.contains("<strong id=\"total\">12,345</strong>"), judge);
    }

    @Test
    void limitsAreWrittenGroupedAndARefusalSaysHowLongTheTextIs() {
        ActiveModel.await();
        Caller reviewer = Caller.session("reviewer1");
        String judge = reviewer.request().accept("text/html").get("/review/judge").then().statusCode(200).extract().asString();
        assertTrue(judge.contains("At most 4,000 characters."), judge);
        // Checked before the item is looked up: no item is needed, and nothing is saved.
        String rewrite = "x".repeat(4001);
        reviewer.request().header("X-CSRF-TOKEN", reviewer.csrfToken()).contentType("application/json").accept("application/json")
                .body("{\"choice\":\"A\",\"rewrite\":\"" + rewrite + "\"}").post("/review/items/987654321").then().statusCode(400)
                .body("code", equalTo("rewrite_too_long")).body("error", equalTo("Your rewrite has 4,001 characters; a rewrite has at"
                        + " most 4,000. Shorten it and send again."));
    }
}
