package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A round's pages speak the lead's words: its method as the start form explains it under its choice, not in ML names
 * ("reward model", "DPO") the form never used; and once its verdict is written in words, its log of held-out figures and p-values is
 * folded away — open while it runs, and after an error, whose reason it holds.
 */
@QuarkusTest
class RoundPageWordsTest {
    private static final Pattern LOG_FOLD = Pattern.compile("<details id=\"round-log-fold\"( open)?>");

    @Test
    void aRoundsMethodIsNamedAsTheStartFormOffersIt() {
        String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds").then().statusCode(200).extract().asString();
        for (String method : new String[] {RoundSettings.REWARD_WEIGHTED, RoundSettings.DPO}) {
            Matcher option = Pattern.compile("<span data-for=\"" + method + "\"[^>]*>([^<(.]+)").matcher(page);
            assertTrue(option.find(), "the start form explains " + method);
            String explained = option.group(1).trim().replace("&#39;", "'");
            String offered = Character.toLowerCase(explained.charAt(0)) + explained.substring(1);
            AlignmentRound round = new AlignmentRound();
            round.method = method;
            String shown = RoundFormats.methodText(round);
            assertEquals("learning " + offered, shown);
            assertTrue(!shown.contains("reward model") && !shown.contains("DPO") && !shown.contains("reward-weighted"), shown);
        }
    }

    @Test
    void tasteLearnedSaysWhenItIsNoBetterThanACoinToss() {
        AlignmentRound round = new AlignmentRound();
        round.metrics = new HashMap<>(Map.of("reward/accuracy", 0.4));
        // 40% of 200 held-out preferences: Wilson 90% interval 34.5–45.8%, all of it below a coin's 50%.
        round.gates = List.of(new RoundResult.Gate("reward_accuracy", false, "", RoundResult.FAIL, 0.4, 0.345, 0.458, null));
        assertEquals("40% — worse than a coin toss", RoundFormats.tasteText(round));
        // 40% of 5 (two right): the interval, 14.3–72.8%, holds 50%, so it is no verdict; without a measured interval neither.
        round.gates = List.of(new RoundResult.Gate("reward_accuracy", false, "", RoundResult.WAIT, 0.4, 0.143, 0.728, 100));
        assertEquals("40% — about a coin toss (50%)", RoundFormats.tasteText(round));
        round.gates = List.of();
        assertEquals("40% — about a coin toss (50%)", RoundFormats.tasteText(round));
        round.metrics.put("reward/accuracy", 0.52);
        assertEquals("52% — about a coin toss (50%)", RoundFormats.tasteText(round));
        round.metrics.put("reward/accuracy", 0.81);
        assertEquals("81%", RoundFormats.tasteText(round));
        String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds").then().statusCode(200).extract().asString();
        int columns = page.indexOf("id=\"rounds-columns\"");
        assertTrue(page.indexOf("50%", columns) > columns && page.substring(columns).contains("coin toss"), "the column says what 50% is");
    }

    @Test
    void theAdvancedSettingsSayInWordsWhatEachDoesBeforeTheFormula() {
        // A round's next step may tell the lead to raise β: the fold must say what that does before it speaks of π_ref.
        String page = Caller.session("admin").request().accept("text/html").get("/admin/rounds").then().statusCode(200).extract().asString();
        int words = page.indexOf("id=\"round-settings-help\"");
        int terms = page.indexOf("id=\"round-settings-ml\"");
        assertTrue(words > 0 && terms > words, "the settings in words come first, the machine-learning terms after them");
        String plain = page.substring(words, page.indexOf("</p>", words));
        assertTrue(plain.contains("the active version") && !plain.contains("π") && !plain.contains("DPO"), plain);
        assertTrue(page.substring(terms, page.indexOf("</p>", terms)).contains("In machine-learning terms"));
    }

    @Test
    void theLogOfFiguresIsFoldedOnceTheVerdictIsInWordsButNotWhileItRunsOrAfterAnError() {
        assertEquals(false, logOpenOnPage(AlignmentRound.NEEDS_EVIDENCE), "a finished round's log folds away");
        assertEquals(true, logOpenOnPage(AlignmentRound.FAILED), "a failed round's log says why");
        AlignmentRound running = new AlignmentRound();
        running.status = AlignmentRound.RUNNING;
        assertTrue(RoundFormats.logOpen(running), "a running round's log shows its progress");
    }

    @Test
    void theInstanceThatRanARoundIsNamedAmongItsDetails() {
        String instance = "node-" + System.nanoTime() + ":8080";
        long id = QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = AlignmentRound.FAILED;
            round.startedBy = "admin";
            round.ranOn = instance;
            round.finishedAt = OffsetDateTime.now();
            round.persist();
            return round.id;
        });
        try {
            String html = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + id).then().statusCode(200)
                    .extract().asString();
            int fold = html.indexOf("<details id=\"round-details\">");
            int shown = html.indexOf("id=\"round-ran-on\"");
            assertTrue(fold > 0 && shown > fold && html.indexOf("</details>", fold) > shown, "an ops detail, in the fold: " + html);
            assertTrue(html.substring(shown, html.indexOf("</tr>", shown)).contains(instance), html);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }

    /** Whether the page of a finished round in this status, stored for the look and removed after, shows its log unfolded. */
    private static boolean logOpenOnPage(String status) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = status;
            round.startedBy = "admin";
            round.finishedAt = OffsetDateTime.now();
            round.log = new ArrayList<>(List.of("16:32:18  Not enough evidence yet: On 11 reviewer preferences kept aside for measuring … p = 1.000"));
            round.persist();
            return round.id;
        });
        try {
            String html = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + id).then().statusCode(200)
                    .extract().asString();
            Matcher fold = LOG_FOLD.matcher(html);
            assertTrue(fold.find(), "the log sits in a fold: " + html);
            assertTrue(html.indexOf("p = 1.000", fold.start()) > fold.start(), "inside it");
            assertTrue(html.contains("id=\"beta-help\"") && html.contains("choice of replies stays to the version it"),
                    "the setting beta is said in words beside the settings");
            return fold.group(1) != null;
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }
}
