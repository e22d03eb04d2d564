package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.OwnStanding;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reviewer's home page tells them, in a sentence, how their judgements agree with others' on shared items, how sure that
 * is, and what weight it gives them in rounds — abstaining while they are alone or share too few items — and never shows
 * them another reviewer's figures. The figures are worked out by hand from Beta(1 + agreed, 1 + disagreed).
 */
@QuarkusTest
class OwnStandingTest {
    private static final String PASSWORD = "long-enough-pw";

    @Inject
    ReviewService review;
    @Inject
    ReviewStats stats;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    private final List<Long> madeUsers = new ArrayList<>();
    private final List<Long> madeItems = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        ScratchReviewers.remove(madeUsers, madeItems);
    }

    @Test
    void aLoneReviewerAndOneWithoutOverlapAreToldHowFarOffAFigureIs() {
        assertEquals("No other reviewer has judged anything yet, so there is nobody to compare your judgements with: your agreement"
                + " with others shows after about 5 judgements on items another reviewer also judged. Until then your judgements"
                + " count in the team's improvement rounds as much as those of any reviewer not yet measured (a weight of 50%).",
                new OwnStanding(0, 0, 0, 0, 5, false).sentence());
        assertEquals("None of the items you judged has been judged by another reviewer yet, too few to say how well your judgements"
                + " agree with theirs: that shows after about 5 more judgements on items others also judged (such shared items come"
                + " to you on their own as you review). Until then your judgements count in the team's improvement rounds as much as those of"
                + " any reviewer not yet measured (a weight of 50%).", new OwnStanding(0, 0, 0, 0, 5, true).sentence());
        String three = new OwnStanding(3, 2, 0, 0, 5, true).sentence();
        assertTrue(three.startsWith("Only 3 items you judged have also been judged by other reviewers, too few to say") && three.contains(
                "after about 2 more judgements on items others also judged"), three);
        assertFalse(three.contains("67%"), "no figure on three items: " + three);
        // Six gold answers, all right, weigh already: Beta(7, 1) has mean 7/8 and 90% range 0.05^(1/7)–0.95^(1/7) = 0.652–0.993.
        String gold = new OwnStanding(0, 0, 6, 6, 5, true).sentence();
        assertTrue(gold.endsWith("Meanwhile your answers on gold items give your judgements a weight of 88% (likely between 65% and"
                + " 99%), against 50% for a reviewer not yet measured: they count more than an unmeasured reviewer's."), gold);
        String even = new OwnStanding(8, 4, 0, 0, 5, true).sentence();
        assertTrue(even.contains("on 50% of them") && even.contains("they count about as much as an unmeasured reviewer's, as far as"
                + " the items so far can tell"), even);
    }

    @Test
    void eachReviewerSeesTheirOwnFigureWithItsRangeAndNoOneElses() {
        ActiveModel.await();
        List<Long> items = ReviewItems.fresh(em, 6, 4, ReviewItem.OVERLAP);
        madeItems.addAll(items);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<User> reviewers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User user = users.create("standing" + run + i, PASSWORD, "reviewer", null);
            madeUsers.add(user.id);
            reviewers.add(user);
        }
        for (long item : items) {
            for (int r = 0; r < 4; r++) {
                judge(reviewers.get(r), item, r < 3); // the fourth always picks the other reply
            }
        }
        // The first three: the others' majority (two of three) is theirs on every item, 6 of 6: Beta(7, 1), mean 7/8,
        // 90% range 0.05^(1/7) = 0.652 to 0.95^(1/7) = 0.993. The fourth: 0 of 6, Beta(1, 7): 1 - 0.95^(1/7) = 0.007 to
        // 1 - 0.05^(1/7) = 0.348, mean 1/8.
        String agreeing = "On the 6 items you judged that other reviewers judged too, your choice matched the others' majority on 100%"
                + " of them; from these 6 the true rate likely lies between 65% and 99% (a 90% range). In the team's improvement rounds this gives"
                + " your judgements a weight of 88% (likely between 65% and 99%, gold items included), against 50% for a reviewer not"
                + " yet measured: they count more than an unmeasured reviewer's.";
        String dissenting = "On the 6 items you judged that other reviewers judged too, your choice matched the others' majority on 0%"
                + " of them; from these 6 the true rate likely lies between 1% and 35% (a 90% range). In the team's improvement rounds this gives"
                + " your judgements a weight of 13% (likely between 1% and 35%, gold items included), against 50% for a reviewer not"
                + " yet measured: they count less than an unmeasured reviewer's.";
        assertEquals(agreeing, stats.home(reviewers.get(0).id).own().sentence());
        assertEquals(dissenting, stats.home(reviewers.get(3).id).own().sentence());

        String first = standing(reviewers.get(0));
        assertEquals(agreeing, first);
        String dissenter = home(reviewers.get(3));
        assertTrue(dissenter.contains(dissenting), dissenter);
        assertFalse(dissenter.contains("between 65% and 99%") || dissenter.contains(reviewers.get(0).username),
                "the dissenter sees no one else's figure: " + dissenter);
        String firstPage = home(reviewers.get(0));
        assertFalse(firstPage.contains("between 1% and 35%") || firstPage.contains(reviewers.get(3).username), firstPage);
        // The fifth judged nothing while others did: no overlap yet, and no one's figure either.
        String fifth = standing(reviewers.get(4));
        assertTrue(fifth.startsWith("None of the items you judged has been judged by another reviewer yet") && fifth.contains(
                "after about 5 more judgements"), fifth);
        assertFalse(home(reviewers.get(4)).contains("%) (a 90% range)"), "no figure at all for the fifth");
    }

    /** Judges the item, reply 1 when {@code first}, whatever side it is shown on; other tests' open items are skipped. */
    private void judge(User reviewer, long item, boolean first) {
        for (long handed = review.next(reviewer.id).orElseThrow().itemId(); handed != item; handed = review.next(reviewer.id).orElseThrow().itemId()) {
            review.submit(reviewer.id, reviewer.username, handed, new Submission("skip", null, null, "not mine", 1));
        }
        boolean swapped = QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "select swapped from review_leases where item_id = ?1 and reviewer_id = ?2")
                .setParameter(1, item).setParameter(2, reviewer.id).getSingleResult());
        String letter = first != swapped ? "A" : "B";
        review.submit(reviewer.id, reviewer.username, item, new Submission(letter, null, null, null, 2000));
    }

    private static String home(User reviewer) {
        return Caller.session(reviewer.username, PASSWORD).pageRequest().accept("text/html").get("/review").then().statusCode(200)
                .extract().asString().replace("&#39;", "'");
    }

    /** The sentence of the page's own-standing paragraph. */
    private static String standing(User reviewer) {
        String html = home(reviewer);
        String start = "<strong>How much your judgements count:</strong> ";
        int at = html.indexOf(start);
        assertTrue(at > 0, html);
        return html.substring(at + start.length(), html.indexOf("</p>", at));
    }
}
