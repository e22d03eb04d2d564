package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.RoundMessages;
import dev.loopwise.review.ScratchReviewers;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.security.Caller;
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
 * Overview and Review quality ask the lead to talk to reviewers who answer faster than anyone can read before the next
 * round, while the page the round is started from said nothing of them. It now warns by the same rule, in the same words.
 */
@QuarkusTest
class RoundsFastReviewersTest {
    private static final String WARNING = "faster than anyone can read a ticket and two replies";
    @Inject
    ReviewStats reviewStats;
    @Inject
    EntityManager em;
    private final List<Long> reviewers = new ArrayList<>();

    @AfterEach
    void removeTheReviewers() {
        ScratchReviewers.remove(reviewers, List.of());
        reviewers.clear();
    }

    @Test
    void aVeryFastReviewerIsNamedBeforeARoundIsStarted() {
        String name = reviewer(800);
        String next = nextStep();
        assertTrue(next.contains(name) && next.contains(WARNING), next);
        assertTrue(next.contains("marked \"very fast\" on Review quality): talk to them before the next round"), next);
        assertTrue(next.contains(" Then: "), "what the page said before follows the warning: " + next);
        assertTrue(next.contains("href=\"/admin/review\"") && next.contains(RoundMessages.SEE_FAST_REVIEWERS), next);
        // The link ends the paragraph, after whatever the page said before the warning: it names the reviewers it leads to.
        assertTrue(next.contains(">See the very fast reviewers on Review quality →</a>"), next);
    }

    @Test
    void aReviewerAtAReadingPaceIsNotNamed() {
        String name = reviewer(9_000);
        assertFalse(reviewStats.tooFast().contains(name), reviewStats.tooFast().toString());
        String next = nextStep();
        assertFalse(next.contains(name), next);
        // Other reviewers of the shared database may answer too fast: the page warns exactly when Review quality marks someone.
        boolean anyoneFast = !reviewStats.tooFast().isEmpty();
        assertEquals(anyoneFast, next.contains(WARNING), next);
        assertEquals(anyoneFast, next.contains("href=\"/admin/review\""), next);
    }

    /** A reviewer with 30 judgements at this median pace, set in the running sums rather than judged. */
    private String reviewer(long medianMs) {
        String name = "pace" + UUID.randomUUID().toString().substring(0, 8);
        reviewers.add(QuarkusTransaction.requiringNew().call(() -> {
            long id = ((Number) em.createNativeQuery("insert into users (username, password_hash, roles) values (?1, 'x', 'reviewer')"
                    + " returning id").setParameter(1, name).getSingleResult()).longValue();
            em.createNativeQuery("insert into review_reviewer_tallies (reviewer_id, judgements, median_duration_ms) values (?1, 30, ?2)")
                    .setParameter(1, id).setParameter(2, medianMs).executeUpdate();
            return id;
        }));
        return name;
    }

    private static String nextStep() {
        String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds").then().statusCode(200).extract().asString();
        int at = page.indexOf("id=\"rounds-next\"");
        return page.substring(at, page.indexOf("</p>", at)).replace("&quot;", "\"").replace("&#34;", "\"");
    }
}
