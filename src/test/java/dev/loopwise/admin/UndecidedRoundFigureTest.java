package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.RoundResult;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A round that could not decide yet gives one "about N more judgements": the round's page and Overview read it from the
 * same place, so a lead who reads one and then the other is never told two numbers for the same round.
 */
@QuarkusTest
class UndecidedRoundFigureTest {
    private static final Pattern MORE = Pattern.compile("about ([\\d,]+) more judgements?");
    private static final Pattern SINCE = Pattern.compile("([\\d,]+) judgements? given since");

    @Test
    void theRoundsPageAndOverviewGiveTheSameCountForTheSameUndecidedRound() {
        ActiveModel.await();
        // Two checks wait, asking for different counts: the larger decides the round, on both pages.
        long id = UndecidedRounds.ended(
                new RoundResult.Gate("reward_accuracy", false, "…", RoundResult.WAIT, 0.7, 0.5, 0.85, 90),
                new RoundResult.Gate("preference_agreement", false, "…", RoundResult.WAIT, 0.04, -0.02, 0.1, 1370),
                new RoundResult.Gate("kl_bound", true, "…", RoundResult.PASS, null, null, null, null));
        Long[] laterId = new Long[2];
        try {
            String roundPage = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + id).then().statusCode(200)
                    .extract().asString();
            String next = roundPage.substring(roundPage.indexOf("What to do next"));
            next = next.substring(0, next.indexOf("</p>"));
            Set<String> onRound = found(MORE, next);
            assertEquals(Set.of("1,370"), onRound, next);

            String overview = Caller.session("admin").request().accept("text/html").get("/admin").then().statusCode(200)
                    .extract().asString();
            String guide = overview.substring(overview.indexOf("id=\"first-week\""), overview.indexOf("</section>",
                    overview.indexOf("id=\"first-week\"")));
            assertTrue(guide.contains("Round " + id + " could not decide yet"), guide);
            // Every count Overview gives is the round's: the first round's rule of thumb ("about 60 more give a first round
            // a fair chance") no longer appears beside it.
            assertEquals(onRound, found(MORE, guide), guide);
            assertFalse(guide.contains("fair chance"), guide);
            // Judgements given since the round ended are counted beside its figure, alike on both pages.
            assertEquals(found(SINCE, next), found(SINCE, guide), "the count since the round ended: " + next + " / " + guide);

            // A later round cancelled before it read anything replaces nothing: this round's count is still the one to follow.
            laterId[0] = later(AlignmentRound.CANCELLED);
            String afterCancelled = whatNext(id);
            assertFalse(afterCancelled.contains("was started after this one"), afterCancelled);
            assertEquals(onRound, found(MORE, afterCancelled), afterCancelled);

            // Once a later round has read these judgements and those since, this round's count is no longer the one to follow.
            laterId[1] = later(AlignmentRound.REJECTED);
            String olderNext = whatNext(id);
            assertTrue(olderNext.contains("Round " + laterId[1] + " was started after this one") && found(MORE, olderNext).isEmpty(),
                    olderNext);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                AlignmentRound.deleteById(id);
                for (Long later : laterId) {
                    if (later != null) {
                        AlignmentRound.deleteById(later);
                    }
                }
            });
        }
    }

    private static long later(String status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = status;
            round.startedBy = "admin";
            round.startedAt = AlignmentRound.CANCELLED.equals(status) ? null : OffsetDateTime.now();
            round.finishedAt = OffsetDateTime.now();
            round.persist();
            return round.id;
        });
    }

    private static String whatNext(long round) {
        String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + round).then().statusCode(200)
                .extract().asString();
        String next = page.substring(page.indexOf("What to do next"));
        return next.substring(0, next.indexOf("</p>"));
    }

    private static Set<String> found(Pattern pattern, String text) {
        Set<String> all = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            all.add(matcher.group(1));
        }
        return all;
    }
}
