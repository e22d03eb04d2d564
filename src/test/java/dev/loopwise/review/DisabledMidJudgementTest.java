package dev.loopwise.review;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reviewer whose account an admin disables while they judge is told that, not that their session expired: signing in
 * again would only be refused, and the judging page's promise to save a kept choice after signing in would not hold.
 */
@QuarkusTest
class DisabledMidJudgementTest {
    private static final String PASSWORD = "long-enough-pw";

    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    private final List<Long> madeUsers = new ArrayList<>();
    private final List<Long> madeItems = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        ScratchReviewers.remove(madeUsers, madeItems);
    }

    @Test
    void aChoiceAfterTheAccountWasDisabledSaysSoAndSavesNothing() {
        ActiveModel.await();
        madeItems.addAll(ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR));
        User user = users.create("disabledmid" + UUID.randomUUID().toString().substring(0, 6), PASSWORD, "reviewer", null);
        madeUsers.add(user.id);
        Caller reviewer = Caller.session(user.username, PASSWORD);
        Response next = json(reviewer).get("/review/items/next");
        assertEquals(200, next.statusCode(), next.asString());
        long item = ((Number) next.path("item.itemId")).longValue();

        setDisabled(user, true);
        json(reviewer).body("{\"choice\":\"A\"}").post("/review/items/" + item).then().statusCode(401)
                .body("code", equalTo("account_disabled")).body("error", equalTo(AccountMessages.SESSION_DISABLED));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from judgements where reviewer_id = ?1").setParameter(1, user.id).getSingleResult()).longValue()));
        // The judging page reloads itself on a refused choice: the browser lands where it is told why.
        reviewer.request().accept("text/html").get("/review/judge").then().statusCode(303)
                .header("Location", endsWith("/login?disabled=true"));
        String login = Caller.anonymous().request().accept("text/html").get("/login?disabled=true").then().statusCode(200)
                .extract().asString();
        assertTrue(login.contains(AccountMessages.SESSION_DISABLED), login);

        // Enabled again, the old session is still over (disabling ended it), and that is all it says.
        setDisabled(user, false);
        json(reviewer).body("{\"choice\":\"A\"}").post("/review/items/" + item).then().statusCode(401)
                .body("code", equalTo("session_expired")).body("error", equalTo(Messages.SESSION_EXPIRED));
    }

    @Test
    void aStrayRequestOfAnEndedSessionLeavesItForThePageToSayWhy() {
        User user = users.create("disabledstray" + UUID.randomUUID().toString().substring(0, 6), PASSWORD, "reviewer", null);
        madeUsers.add(user.id);
        Caller reviewer = Caller.session(user.username, PASSWORD);
        setDisabled(user, true);

        // Browsers ask for /favicon.ico on their own, at a moment of their choosing, and say it is no page they were sent to.
        Response stray = reviewer.request().header("Sec-Fetch-Mode", "no-cors").accept("image/avif,image/webp,*/*").get("/favicon.ico");
        assertEquals(404, stray.statusCode(), stray.asString());
        assertNull(stray.getDetailedCookie("loopwise-session"), "the session cookie is left for the page to read");
        assertNull(stray.getDetailedCookie("loopwise-return-to"), "an image is no place to come back to after signing in");
        Response stylesheet = reviewer.request().header("Sec-Fetch-Mode", "no-cors").accept("text/css,*/*;q=0.1")
                .get("/css/loopwise.css");
        assertEquals(200, stylesheet.statusCode(), "the page's parts still load");
        assertNull(stylesheet.getDetailedCookie("loopwise-session"));
        reviewer.request().accept("text/html").get("/review/judge").then().statusCode(303)
                .header("Location", endsWith("/login?disabled=true"));
    }

    private void setDisabled(User user, boolean disabled) {
        Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"disabled\":" + disabled + "}")
                .patch("/api/v1/users/" + user.id).then().statusCode(200);
    }

    private static RequestSpecification json(Caller caller) {
        return caller.request().header("X-CSRF-TOKEN", caller.csrfToken()).contentType("application/json").accept("application/json");
    }
}
