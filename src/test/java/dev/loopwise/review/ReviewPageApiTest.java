package dev.loopwise.review;

import dev.loopwise.common.JudgementMessages;
import dev.loopwise.common.ReviewMessages;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.loopwise.common.HttpMessages;

/** The judging page's own JSON calls, as its script makes them with a browser session. */
@QuarkusTest
class ReviewPageApiTest {
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    Caller page;

    @BeforeEach
    void signIn() {
        ActiveModel.await();
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        ScratchAccounts.user(users.create(name, "long-enough-pw", "reviewer", null));
        page = Caller.session(name, "long-enough-pw");
    }

    @Test
    void anUndoBringsTheSameItemBackInItsOrderAndTheOneOnScreenComesNext() {
        ReviewItems.fresh(em, 3, 1, ReviewItem.REGULAR);
        Response first = next().then().body("judgedToday", equalTo(0)).body("waiting", greaterThanOrEqualTo(1)).extract().response();
        long a = id(first);
        List<Object> shown = first.path("item.candidates.id");
        post("/review/items/" + a, "{\"choice\":\"A\"}").then().statusCode(200).body("message", equalTo(ReviewMessages.REVIEW_SAVED))
                .body("undoSeconds", equalTo(30)).body("judgedToday", equalTo(1));
        long b = id(next());
        assertNotEquals(a, b);

        Response undone = post("/review/items/" + a + "/undo", "{}");
        undone.then().statusCode(200).body("message", equalTo(ReviewMessages.REVIEW_UNDONE)).body("next.judgedToday", equalTo(0))
                .body("next.waiting", greaterThanOrEqualTo(2));
        assertEquals(a, ((Number) undone.path("next.item.itemId")).longValue(), "the undone item, not the one on screen");
        assertEquals(shown, undone.path("next.item.candidates.id"), "in the A/B order it was shown in");
        assertEquals(a, id(next()), "a reload shows it too");

        post("/review/items/" + a, "{\"choice\":\"B\",\"rewrite\":\"A better reply.\"}").then().statusCode(200)
                .body("message", equalTo(ReviewMessages.REVIEW_SAVED_WITH_REWRITE));
        assertEquals(b, id(next()), "then the item that was on screen");
        post("/review/items/" + b, "{\"choice\":\"skip\",\"reason\":\"" + ReviewMessages.SKIP_REASONS.get(0) + "\"}").then().statusCode(200)
                .body("message", equalTo(ReviewMessages.REVIEW_SKIPPED)).body("judgedToday", equalTo(1));
    }

    @Test
    void theNextItemComesWithCountersThatIncludeIt() {
        ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR);
        Response shown = next();
        shown.then().statusCode(200).body("waiting", equalTo(1)).body("judgedToday", equalTo(0)).body("judgedTotal", equalTo(0));
        post("/review/items/" + id(shown) + "/undo", "{}").then().statusCode(404)
                .body("error", equalTo(ReviewMessages.nothingToUndoOn(id(shown))));
        post("/review/items/" + id(shown), "{\"choice\":\"both_bad\"}").then().statusCode(200)
                .body("message", equalTo(ReviewMessages.REVIEW_SAVED)).body("judgedTotal", equalTo(1));
        Response after = next(); // nothing else is open, but a refill may make items from imported tickets
        after.then().statusCode(200);
        if (after.path("item") == null) {
            after.then().body("item", nullValue()).body("waiting", equalTo(0));
        } else {
            after.then().body("waiting", greaterThanOrEqualTo(1));
        }
    }

    @Test
    void aGoldCheckItemCountsAsWaitingBeforeItShowsSoTheCountFallsByOneWithEveryAnswer() {
        List<Long> items = ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_items set kind = 'gold', gold_choice = '1', required_judgements = ?2 where id = ?1")
                .setParameter(1, items.get(1)).setParameter(2, ReviewItem.GOLD_CAPACITY).executeUpdate());
        Response first = next();
        first.then().statusCode(200).body("waiting", equalTo(2));
        post("/review/items/" + id(first), "{\"choice\":\"A\"}").then().statusCode(200).body("waiting", equalTo(1));
        Response second = next();
        assertNotEquals(id(first), id(second));
        second.then().body("waiting", equalTo(1));
        // A reload still offers to undo the choice just made, for the seconds left.
        assertEquals(id(first), ((Number) second.path("undoable.itemId")).longValue());
        int left = second.path("undoable.secondsLeft");
        org.junit.jupiter.api.Assertions.assertTrue(left >= 1 && left <= 30, "seconds left " + left);
    }

    /** A page left open past a new sign-in sends a token that no longer matches: told to reload, not "Bad Request." */
    @Test
    void aStaleTokenSaysToReloadThePage() {
        long item = id(next());
        page.request().header("X-CSRF-TOKEN", "stale" + page.csrfToken()).contentType("application/json").accept("application/json")
                .body("{\"choice\":\"A\"}").post("/review/items/" + item)
                .then().statusCode(400).body("code", equalTo("page_expired"))
                .body("error", equalTo(HttpMessages.PAGE_EXPIRED));
    }

    /** The script always sends its token: a JSON judgement without it, on the session cookie alone, saves nothing. */
    @Test
    void aJudgementWithoutItsTokenIsRefusedAndSavesNothing() {
        ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR);
        long item = id(next());
        for (String path : List.of("/review/items/" + item, "/review/items/" + item + "/undo")) {
            page.request().contentType("application/json").accept("application/json").body("{\"choice\":\"A\"}").post(path)
                    .then().statusCode(403).body("code", equalTo("token_missing"));
        }
        assertEquals(0L, judgementsOf(item), "the refused judgement was not saved");
        post("/review/items/" + item, "{\"choice\":\"A\"}").then().statusCode(200);
        assertEquals(1L, judgementsOf(item));
    }

    /** Stars that contradict a tie or both bad are refused on the page as on the API, and nothing is saved. */
    @Test
    void starsThatContradictATieOrBothBadAreRefusedAndSaveNothing() {
        ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR);
        long item = id(next());
        post("/review/items/" + item, "{\"choice\":\"tie\",\"ratings\":{\"A\":5,\"B\":1}}").then().statusCode(400)
                .body("code", equalTo("contradictory_ratings")).body("error", equalTo(JudgementMessages.tieStarsApart(5, 1, 1)));
        post("/review/items/" + item, "{\"choice\":\"both_bad\",\"ratings\":{\"A\":1,\"B\":4}}").then().statusCode(400)
                .body("code", equalTo("contradictory_ratings")).body("error", equalTo(JudgementMessages.badReplyRatedWell("B", 4, 3)));
        assertEquals(0, judgementsOf(item));
        // A shade apart is still a tie.
        post("/review/items/" + item, "{\"choice\":\"tie\",\"ratings\":{\"A\":4,\"B\":3}}").then().statusCode(200);
        assertEquals(1, judgementsOf(item));
    }

    private long judgementsOf(long item) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from judgements where item_id = ?1").setParameter(1, item).getSingleResult()).longValue());
    }

    private Response next() {
        return page.request().accept("application/json").get("/review/items/next");
    }

    private Response post(String path, String body) {
        return page.request().header("X-CSRF-TOKEN", page.csrfToken()).contentType("application/json").accept("application/json")
                .body(body).post(path);
    }

    private static long id(Response next) {
        return ((Number) next.path("item.itemId")).longValue();
    }
}
