package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.round.LatestRounds;
import dev.loopwise.common.RoundMessages;
import dev.loopwise.review.ScratchReviewers;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Review quality asks the lead to talk to reviewers who answer faster than anyone can read before the next round; Overview
 * sent the same lead straight to start one. Both now follow one rule.
 */
@QuarkusTest
class FastReviewersStepTest {
    @Inject
    FirstWeek firstWeek;
    @Inject
    ReviewStats reviewStats;
    @Inject
    EntityManager em;
    private Long reviewer;

    @AfterEach
    void removeTheReviewer() {
        if (reviewer != null) {
            ScratchReviewers.remove(List.of(reviewer), List.of());
        }
    }

    @Test
    void theFirstRoundStepPutsTalkingToFastReviewersFirst() {
        LatestRounds none = new LatestRounds(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(RoundMessages.START_FIRST, RoundStep.of(none, List.of()).action(), "nobody too fast: the round as before");
        String action = RoundStep.of(none, List.of("quick1", "quick2")).action();
        assertTrue(action.startsWith("quick1 and quick2 answer faster than anyone can read a ticket and two replies (a median under"
                + " 3 seconds per item, marked \"very fast\" on Review quality): talk to them before the next round"), action);
        assertTrue(action.endsWith(" Then: on Rounds, start a round: Loopwise learns what reviewers prefer and promotes a better"
                + " version only when the evidence shows it."), action);
    }

    @Test
    void overviewAndReviewQualityNameTheSameFastReviewer() {
        String name = "fast" + UUID.randomUUID().toString().substring(0, 8);
        // A pace is read from the reviewer's running sums: 30 judgements at a median of 0.8 s, set there rather than judged.
        reviewer = QuarkusTransaction.requiringNew().call(() -> {
            long id = ((Number) em.createNativeQuery("insert into users (username, password_hash, roles) values (?1, 'x', 'reviewer')"
                    + " returning id").setParameter(1, name).getSingleResult()).longValue();
            em.createNativeQuery("insert into review_reviewer_tallies (reviewer_id, judgements, median_duration_ms) values (?1, 30, 800)")
                    .setParameter(1, id).executeUpdate();
            return id;
        });
        assertTrue(reviewStats.tooFast().contains(name), reviewStats.tooFast().toString());
        String review = Caller.session("admin").request().accept("text/html").get("/admin/review").then().statusCode(200).extract().asString();
        String reviewNext = review.substring(review.indexOf("id=\"review-next\""), review.indexOf("</p>", review.indexOf("id=\"review-next\"")));
        assertTrue(reviewNext.contains(name) && reviewNext.contains("talk to them before the next round"), reviewNext);

        FirstWeek.Guide guide = QuarkusTransaction.requiringNew().call(() -> firstWeek.guide());
        FirstWeek.Step judge = guide.steps().get(2);
        FirstWeek.Step round = guide.steps().get(3);
        assertTrue(judge.action().contains(name) && judge.action().contains("talk to them before the next round"), judge.action());
        assertTrue(round.action().contains(name) && round.action().contains("talk to them before the next round")
                && round.action().contains("on Review quality"), round.action());
        // Once the first week is done: unless the team's LLM is failing, the step names them too.
        FirstWeek.Step attention = QuarkusTransaction.requiringNew().call(() -> firstWeek.needsAttention());
        assertTrue(attention.title().equals("The team's LLM is not answering") || attention.action().contains(name), attention.toString());
        String overview = Caller.session("admin").request().accept("text/html").get("/admin").then().statusCode(200).extract().asString();
        if (guide.next() != null && List.of(judge.title(), round.title()).contains(guide.next().title())) {
            String next = overview.substring(overview.indexOf("id=\"next-step\""), overview.indexOf("</p>", overview.indexOf("id=\"next-step\"")));
            assertTrue(next.contains(name), next);
        }
    }
}
