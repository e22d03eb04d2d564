package dev.loopwise.review;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.privacy.ReviewerPrivacy;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.review.queue.ReviewLeases;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * My judgements and its JSON form list the caller's own judgements only, newest first, A and B as they were shown, a page at
 * a time below the id a page ended with; strangers are sent to sign in, and a cursor that is no id is refused.
 */
@QuarkusTest
class JudgementHistoryTest extends ReviewerTest {
    private static final String REASON = "The ticket is in German";
    private static final String REWRITE = "Hi, your parcel for order {{order_number}} left our warehouse today and arrives within three days.";
    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111 1111 1111 1111";
    /** Longer than a line of any list, with its line breaks: My judgements shows it whole, as it was judged. */
    private static final String TICKET = "Hello,\n\nplease write to me at " + EMAIL + " about my order. "
            + "The parcel was meant to arrive last week and it still has not come. ".repeat(6) + "\nThanks, Jane";

    @Inject
    ReviewLeases leases;
    @Inject
    ReviewerPrivacy privacy;
    @Inject
    ReviewService review;

    private List<Long> items = List.of();

    @AfterEach
    void removeItems() {
        ScratchReviewers.remove(List.of(), items);
    }

    @Test
    void theCallersOwnJudgementsNewestFirstAsShownAPageAtATime() {
        items = ReviewItems.fresh(em, 4, 1, ReviewItem.REGULAR);
        // The first item handed out holds personal data in its ticket and in the reply shown as B.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update review_items set ticket_text = ?1, reply1_text = reply1_text || ' We charged card ' || ?2 || '.' where id = ?3")
                .setParameter(1, TICKET).setParameter(2, CARD).setParameter(3, items.get(0)).executeUpdate());
        Caller mine = reviewer();
        Caller other = reviewer();
        long swappedItem = next(mine);
        assertEquals(items.get(0), swappedItem, "the first item is handed out first");
        QuarkusTransaction.requiringNew().run(() -> leases.grant(swappedItem, idOf(mine), true));
        long first = judge(mine, swappedItem, "{\"choice\":\"A\",\"ratings\":{\"A\":5,\"B\":2}}");
        long second = judge(mine, next(mine), "{\"choice\":\"both_bad\",\"rewrite\":\"" + REWRITE + "\"}");
        long othersOwn = judge(other, next(other), "{\"choice\":\"B\"}");
        long third = judge(mine, next(mine), "{\"choice\":\"skip\",\"reason\":\"" + REASON + "\"}");

        Response all = mine.request().get("/api/v1/review/judgements");
        all.then().statusCode(200);
        assertEquals(List.of(third, second, first), ids(all), "the caller's own, newest first; never another reviewer's");
        assertNull(all.header("Link"), "one page holds them all");
        // A and B as this reviewer saw them: A was the item's second reply.
        ReviewItem swapped = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(swappedItem));
        all.then().body("[2].choice", equalTo("A")).body("[2].ratings.A", equalTo(5)).body("[2].ratings.B", equalTo(2))
                .body("[2].replyA", equalTo(privacy.mask(swapped.reply2Text))).body("[2].replyB", equalTo(privacy.mask(swapped.reply1Text)))
                .body("[2].ticket", equalTo(privacy.mask(swapped.ticketText)))
                .body("[1].choice", equalTo("both_bad")).body("[1].rewrite", equalTo(REWRITE))
                .body("[0].choice", equalTo("skip")).body("[0].reason", equalTo(REASON));
        String ticket = all.jsonPath().getString("[2].ticket");
        String replyB = all.jsonPath().getString("[2].replyB");
        assertTrue(ticket.contains("[EMAIL]") && !ticket.contains(EMAIL), "the ticket's e-mail address is masked: " + ticket);
        assertTrue(replyB.contains("[CARD]") && !replyB.contains(CARD), "the reply's card number is masked: " + replyB);
        assertEquals(List.of(othersOwn), ids(other.request().get("/api/v1/review/judgements")));

        Response page = mine.request().get("/api/v1/review/judgements?limit=2");
        assertEquals(List.of(third, second), ids(page));
        String link = page.header("Link");
        assertTrue(link.contains("before=" + second) && link.contains("rel=\"next\""), link);
        Response rest = mine.request().get("/api/v1/review/judgements?limit=2&before=" + second);
        assertEquals(List.of(first), ids(rest));
        assertNull(rest.header("Link"));

        mine.request().get("/api/v1/review/judgements?before=abc").then().statusCode(400).body("code", equalTo("invalid_paging"));
        Caller.anonymous().request().get("/api/v1/review/judgements").then().statusCode(401);

        Caller browser = Caller.session(mine.username, "long-enough-pw");
        String html = browser.pageRequest().accept("text/html").get("/review/history").then().statusCode(200).extract().asString();
        int newest = html.indexOf("id=\"judgement-" + third + "\"");
        int middle = html.indexOf("id=\"judgement-" + second + "\"");
        int oldest = html.indexOf("id=\"judgement-" + first + "\"");
        assertTrue(newest > 0 && newest < middle && middle < oldest, "newest first: " + newest + ", " + middle + ", " + oldest);
        assertFalse(html.contains("id=\"judgement-" + othersOwn + "\""), "another reviewer's judgement is not listed");
        assertTrue(html.contains("A was better") && html.contains("Both bad") && html.contains("Skipped: " + REASON), html);
        assertTrue(html.contains("5 of 5 stars") && html.contains("2 of 5 stars") && html.contains("left our warehouse today"), html);
        assertTrue(html.contains("<span class=\"date\">"), "dates in the app's style");
        assertFalse(html.contains(EMAIL) || html.contains(CARD), "personal data masked on the page as in the API");
        assertTrue(html.contains(ticket) && html.contains("We charged card [CARD]."),
                "the ticket whole, line breaks and all, and the reply to its end");
        assertTrue(html.contains("Judgement #" + first), "each card names its judgement");
        String rewrite = html.substring(html.indexOf("class=\"text rewrite-text\""));
        rewrite = rewrite.substring(0, rewrite.indexOf("</p>"));
        assertTrue(rewrite.contains("<span class=\"slot\" title=\"to be filled in by your helpdesk or an agent\">order number</span>")
                && !rewrite.contains("{{"), "the rewrite's slot as a blank, as in the replies: " + rewrite);
        assertFalse(html.contains("id=\"history-older\""), "no Older link while one page holds them all");
        String older = browser.pageRequest().accept("text/html").get("/review/history?before=" + third).then().statusCode(200)
                .extract().asString();
        assertFalse(older.contains("id=\"judgement-" + third + "\""));
        assertTrue(older.contains("id=\"judgement-" + second + "\"") && older.contains("id=\"judgement-" + first + "\""));
        browser.pageRequest().accept("text/html").get("/review/history?before=abc").then().statusCode(400)
                .body(containsString("before must be"));
        Response stranger = Caller.anonymous().pageRequest().accept("text/html").get("/review/history");
        assertTrue(stranger.statusCode() == 302 || stranger.statusCode() == 303, "a stranger is sent to sign in: " + stranger.statusCode());
        assertTrue(stranger.header("Location").contains("/login"), stranger.header("Location"));
    }

    @Test
    void aFullPageLinksToTheOlderOnesAndAReviewerWithNoneIsToldWhatToDo() {
        items = ReviewItems.fresh(em, 26, 1, ReviewItem.REGULAR);
        Caller mine = reviewer();
        Caller browser = Caller.session(mine.username, "long-enough-pw");
        String none = browser.pageRequest().accept("text/html").get("/review/history").then().statusCode(200).extract().asString();
        assertTrue(none.contains("id=\"history-empty\"") && none.contains("You have not judged anything yet"), none);
        assertTrue(none.contains("href=\"/review/judge\""), "the way back to judging");

        long reviewerId = idOf(mine);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            long item = review.next(reviewerId).orElseThrow().itemId();
            made.add(review.submit(reviewerId, mine.username, item, new Submission("tie", null, null, null, 2000))
                    .judgementId());
        }
        String html = browser.pageRequest().accept("text/html").get("/review/history").then().statusCode(200).extract().asString();
        assertEquals(25, html.split("class=\"card past\"", -1).length - 1, "25 a page");
        assertFalse(html.contains("id=\"judgement-" + made.get(0) + "\""), "the oldest waits for the next page");
        assertTrue(html.contains("href=\"/review/history?before=" + made.get(1) + "\" id=\"history-older\""), "Older continues below the last shown");
        String older = browser.pageRequest().accept("text/html").get("/review/history?before=" + made.get(1)).then().statusCode(200)
                .extract().asString();
        assertEquals(1, older.split("class=\"card past\"", -1).length - 1);
        assertTrue(older.contains("id=\"judgement-" + made.get(0) + "\"") && older.contains("id=\"history-newest\""));
        assertFalse(older.contains("id=\"history-older\""));
    }

    private static long idOf(Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(caller.username).orElseThrow().id);
    }

    private static long next(Caller reviewer) {
        return ((Number) reviewer.request().get("/api/v1/review/next").then().statusCode(200).extract().path("itemId")).longValue();
    }

    private static long judge(Caller reviewer, long item, String body) {
        Response stored = reviewer.request().contentType("application/json").body(body).post("/api/v1/review/" + item);
        stored.then().statusCode(201);
        return stored.jsonPath().getLong("judgementId");
    }

    private static List<Long> ids(Response list) {
        return list.then().statusCode(200).extract().jsonPath().getList("judgementId", Long.class);
    }
}
