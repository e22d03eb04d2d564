package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Rounds list shows how often the new and the active version pick the preferred reply side by side; when the round's
 * check could not decide between them, the row says so, so that a higher share for the new version is not read as proof.
 */
@QuarkusTest
class RoundListUncertaintyTest {

    @Test
    void anUndecidedComparisonIsShownAsUndecidedInTheList() {
        long undecided = stored(RoundResult.WAIT);
        long decided = stored(RoundResult.PASS);
        try {
            String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds").then().statusCode(200)
                    .extract().asString();
            String waiting = row(page, undecided);
            assertTrue(waiting.contains("76% / 71% — " + RoundListFormats.NOT_SURE_YET), waiting);
            String passed = row(page, decided);
            assertTrue(passed.contains("76% / 71%") && !passed.contains(RoundListFormats.NOT_SURE_YET), passed);
            int columns = page.indexOf("id=\"rounds-columns\"");
            assertTrue(page.substring(columns).contains("no evidence that it is better"), "the columns' fold says what it means");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                AlignmentRound.deleteById(undecided);
                AlignmentRound.deleteById(decided);
            });
        }
    }

    @Test
    void aRoundWaitingOnLabelledTicketsIsNotSaidToNeedMoreJudgements() {
        // Its only undecided check compares replies with labelled tickets kept aside: more judgements cannot decide it, and
        // the page says so; the status beside the round's number must not send the lead to collect judgements.
        long id = undecided(new RoundResult.Gate("preference_agreement", true, "", RoundResult.PASS, 0.08, 0.02, 0.14, null),
                new RoundResult.Gate("reply_intent", false, "", RoundResult.WAIT, -0.10, -0.3, 0.1, null));
        try {
            String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + id).then().statusCode(200)
                    .extract().asString();
            int status = page.indexOf("id=\"round-status\"");
            String shown = page.substring(status, page.indexOf("</span>", status));
            assertTrue(shown.contains("not decided yet") && !shown.contains("judgement"), shown);
            assertTrue(page.contains(RoundFormats.FIT_NEEDS_TICKETS), "the page says what would decide it");
            String list = Caller.session("admin").request().accept("text/html").get("/admin/rounds").then().statusCode(200)
                    .extract().asString();
            String row = row(list, id);
            assertTrue(row.contains("not decided yet") && !row.contains("needs more judgements"), row);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }

    @Test
    void theListsNextStepAfterAnUndecidedRoundGivesTheNumberItsChecksAskedFor() {
        long asked = stored(RoundResult.WAIT);
        long unnumbered = undecided(new RoundResult.Gate("preference_agreement", true, "", RoundResult.WAIT, 0.05, -0.02, 0.12, null));
        try {
            // It said only "Open it to see about how many more judgements they need".
            String said = QuarkusTransaction.requiringNew().call(() -> RoundFormats.listNextStep(
                    List.of(AlignmentRound.<AlignmentRound>findById(asked)), 5000));
            assertTrue(said.startsWith("Round " + asked + " changed nothing for customers: its checks could not decide yet. About 3,938 more"
                    + " judgements would let round " + asked + "'s checks decide (its estimate when it ended"), said);
            assertTrue(said.endsWith("start another round."), said);
            String open = QuarkusTransaction.requiringNew().call(() -> RoundFormats.listNextStep(
                    List.of(AlignmentRound.<AlignmentRound>findById(unnumbered)), 5000));
            assertTrue(open.endsWith("Open it to read what its checks wait on, then start another round once that is in."), open);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                AlignmentRound.deleteById(asked);
                AlignmentRound.deleteById(unnumbered);
            });
        }
    }

    /** The list's row of this round, from its link to the end of the row. */
    private static String row(String page, long id) {
        int start = page.indexOf("href=\"/admin/rounds/" + id + "\">", Math.max(0, page.indexOf("<tbody")));
        assertTrue(start > 0, "round " + id + " is listed");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** A finished round that could not decide, with these checks, stored for the look and removed after. */
    private static long undecided(RoundResult.Gate... gates) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = AlignmentRound.NEEDS_EVIDENCE;
            round.startedBy = "admin";
            round.finishedAt = OffsetDateTime.now();
            round.gates = new ArrayList<>(List.of(gates));
            round.persist();
            return round.id;
        });
    }

    /** A finished round whose preference check ended with this verdict, stored for the look and removed after. */
    private static long stored(String verdict) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = RoundResult.PASS.equals(verdict) ? AlignmentRound.REJECTED : AlignmentRound.NEEDS_EVIDENCE;
            round.startedBy = "admin";
            round.finishedAt = OffsetDateTime.now();
            round.metrics = new LinkedHashMap<>(Map.of("eval/candidate_preference_agreement", 0.76,
                    "eval/active_preference_agreement", 0.71, "reward/accuracy", 0.76));
            round.gates = new ArrayList<>(List.of(new RoundResult.Gate("preference_agreement", RoundResult.PASS.equals(verdict), "",
                    verdict, 0.05, -0.02, 0.12, RoundResult.WAIT.equals(verdict) ? 3938 : null)));
            round.persist();
            return round.id;
        });
    }
}
