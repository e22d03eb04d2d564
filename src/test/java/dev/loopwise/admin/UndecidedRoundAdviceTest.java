package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.RoundResult;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * While the latest round could not decide yet, Review quality and Models say what that round's page says to do next, in
 * its words: neither tells the lead "start a round" while the round asks for about N more judgements first.
 */
@QuarkusTest
class UndecidedRoundAdviceTest {

    @Test
    void reviewQualityAndModelsGiveTheUndecidedRoundsOwnNextStep() {
        ActiveModel.await();
        long id = UndecidedRounds.ended(
                new RoundResult.Gate("preference_agreement", false, "…", RoundResult.WAIT, 0.04, -0.02, 0.1, 1370),
                new RoundResult.Gate("kl_bound", true, "…", RoundResult.PASS, null, null, null, null));
        try {
            String onRound = next("/admin/rounds/" + id, "round-next");
            assertTrue(onRound.contains("about 1,370 more judgements"), onRound);

            String review = next("/admin/review", "review-next");
            assertTrue(review.contains("Round " + id + " could not decide yet: " + onRound), review + " / " + onRound);
            assertFalse(review.contains("enough judgements for a round"), review);
            assertFalse(review.contains("fair chance"), review);

            String models = next("/admin/models", "models-next");
            assertTrue(models.contains("Round " + id + " could not decide yet: " + onRound), models + " / " + onRound);
            assertFalse(models.contains("then run a round on Rounds"), models);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
        // Decided or gone, the round no longer speaks on the other pages.
        assertFalse(next("/admin/review", "review-next").contains("Round " + id + " could not decide yet"));
    }

    /** The page's "What to do next" sentence as read, links and markup aside. */
    private static String next(String page, String id) {
        String html = Caller.session("admin").request().accept("text/html").get(page).then().statusCode(200).extract().asString();
        String box = html.substring(html.indexOf("id=\"" + id + "\""));
        box = box.substring(box.indexOf("What to do next:</strong>") + "What to do next:</strong>".length(), box.indexOf("</p>"));
        return box.replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&").trim();
    }
}
