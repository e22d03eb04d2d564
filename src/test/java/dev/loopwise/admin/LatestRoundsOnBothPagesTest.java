package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.RoundResult;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.common.RoundMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Overview and Review quality tell one story about rounds: the judging step stays to do while the latest round could not
 * decide for want of judgements, and a round running is shown as running on both, beside the latest finished round's figures
 * labelled as such. The rounds are made here, newer than any other, and removed after.
 */
@QuarkusTest
class LatestRoundsOnBothPagesTest {

    @Test
    void anUndecidedRoundKeepsTheJudgingStepToDoAndARunningRoundIsShownAlikeOnBothPages() {
        ActiveModel.await();
        long undecided = UndecidedRounds.ended(
                new RoundResult.Gate("preference_agreement", false, "…", RoundResult.WAIT, 0.04, -0.02, 0.1, 1370),
                new RoundResult.Gate("kl_bound", true, "…", RoundResult.PASS, null, null, null, null));
        Long running = null;
        try {
            // However many judgements the workspace has, the round asked for more: the step is not done, and says how many.
            String judge = judgeStep();
            assertTrue(judge.contains("step todo"), judge);
            assertTrue(text(judge).contains("round " + undecided + " asked for about 1,370 more judgements"), judge);
            assertFalse(judge.contains("fair chance"), "the first round's rule of thumb is no longer the measure: " + judge);
            String review = reviewNext();
            // (After reviewers named for answering too fast, the sentence goes on without its capital.)
            assertTrue(review.contains("ound " + undecided + " could not decide yet: Collect about 1,370 more judgements"), review);

            running = runningRound();
            String said = RoundMessages.underWay(running, true) + " " + RoundMessages.finished(undecided, true) + " could not decide yet: ";
            String overview = text(firstWeek());
            assertTrue(overview.contains(said + "about 1,370 more judgements"), said + " / " + overview);
            review = reviewNext();
            assertTrue(review.contains(said.substring(1) + "about 1,370 more judgements"), said + " / " + review);
            assertFalse(review.contains("start another round"), "a round is under way: " + review);
            // The judging step follows the same finished round, named as the latest finished one.
            judge = judgeStep();
            assertTrue(judge.contains("step todo") && text(judge).contains("the latest finished round, round " + undecided
                    + ", asked for about 1,370 more judgements"), judge);
        } finally {
            Long started = running;
            QuarkusTransaction.requiringNew().run(() -> {
                AlignmentRound.deleteById(undecided);
                if (started != null) {
                    AlignmentRound.deleteById(started);
                }
            });
        }
        assertFalse(reviewNext().contains("Round " + undecided + " could not decide yet"), "gone, the round speaks no more");
    }

    /** A round running now, as its job reports it: its heartbeat is fresh, so nothing takes it for an interrupted one. */
    private static long runningRound() {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = AlignmentRound.RUNNING;
            round.startedBy = "admin";
            round.startedAt = OffsetDateTime.now();
            round.heartbeatAt = OffsetDateTime.now();
            round.step = "Training the reward model";
            round.progress = 0.2;
            round.persist();
            return round.id;
        });
    }

    private static String firstWeek() {
        String html = Caller.session("admin").request().accept("text/html").get("/admin").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"first-week\"");
        return html.substring(at, html.indexOf("</section>", at));
    }

    /** The judging step's list item, markup included (its class says whether it is done). */
    private static String judgeStep() {
        String guide = firstWeek();
        int title = guide.indexOf(">Have reviewers judge replies</a>");
        assertTrue(title > 0, guide);
        int start = guide.lastIndexOf("<li", title);
        return guide.substring(start, guide.indexOf("</li>", title));
    }

    private static String reviewNext() {
        String html = Caller.session("admin").request().accept("text/html").get("/admin/review").then().statusCode(200).extract().asString();
        String box = html.substring(html.indexOf("id=\"review-next\""));
        return text(box.substring(box.indexOf("What to do next:</strong>") + "What to do next:</strong>".length(), box.indexOf("</p>")));
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&").trim();
    }
}
