package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A reviewer on a fresh install is told why nothing waits — no model answers yet — rather than "come back later" with no
 * word of when. The shared test database always has a model, so the note is drawn here as the pages draw it.
 */
@QuarkusTest
class NothingToReviewWordsTest {
    @Inject
    @Location("ReviewPages/no-model-yet")
    Template note;

    @Test
    void beforeAnyModelAnswersTheReviewerIsToldWhyNothingWaits() {
        String fresh = note.data("noModelYet", true).render();
        assertTrue(fresh.contains("id=\"no-model-yet\"") && fresh.contains("no model answers tickets so far")
                && fresh.contains("Models page"), fresh);
        assertFalse(note.data("noModelYet", false).render().contains("no-model-yet"));

        ActiveModel.await();
        String judge = Caller.session("admin").request().accept("text/html").get("/review/judge").then().statusCode(200)
                .extract().asString();
        assertTrue(judge.contains(ReviewMessages.REVIEW_EMPTY_QUEUE) && !judge.contains(ReviewMessages.REVIEW_NO_MODEL_YET.substring(0, 30)), judge);
    }
}
