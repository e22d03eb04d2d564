package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ApiException;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.judging.TallySums;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A gold item's right answer may be "out of scope", as a reviewer's may: a ticket no library reply fits. */
@QuarkusTest
class GoldOutOfScopeTest {
    @Inject
    ReviewAdminService admin;
    @Inject
    EntityManager em;

    @Test
    void outOfScopeIsAGoldAnswerAndAVoteForItCountsAsRight() {
        ActiveModel.await();
        long item = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        admin.makeGold(item, Judgement.OUT_OF_SCOPE);
        assertEquals(Judgement.OUT_OF_SCOPE, QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(item).goldChoice));
        assertEquals("invalid_gold", org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> admin.makeGold(item, "maybe")).code);
        // The running sums score a gold vote by the answer it matches, the hand-over included.
        LocalDate day = LocalDate.of(2026, 12, 2);
        TallySums sums = TallySums.of(new TallySums.Item(ReviewItem.GOLD, Judgement.OUT_OF_SCOPE,
                List.of(new TallySums.Vote(7L, Judgement.OUT_OF_SCOPE, day), new TallySums.Vote(8L, "1", day))));
        assertEquals(1, sums.reviewers.get(7L)[TallySums.GOLD_CORRECT], "handed over, as the gold answer says");
        assertEquals(0, sums.reviewers.get(8L)[TallySums.GOLD_CORRECT], "answered with a reply");
        assertEquals(1, sums.reviewers.get(8L)[TallySums.GOLD_JUDGED]);
    }
}
