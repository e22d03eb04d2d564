package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mistake typed into an admin form shows the same page again, the form filled in as it was sent and the mistake said
 * in the form's own words — not the bare error page, which loses everything typed.
 */
@QuarkusTest
class FormMistakesTest {
    /** A seed no other test types: a round started by a refused form would carry it. */
    private static final String SEED = "918273645";

    @Inject
    EntityManager em;

    @Test
    void theRoundFormKeepsWhatWasTypedAndSaysWhichFieldToFix() {
        Caller lead = Caller.session("admin");
        Map<String, String[]> mistakes = Map.of(
                "beta", new String[] {"abc", "β (how close to stay): &#39;abc&#39; is not a number. Type a number from 0.01 to 100, with a"
                        + " point for decimals (0.5, not 0,5), or leave the field empty for the default. No round was started."},
                "policyEpochs", new String[] {"0", "Policy epochs: 0 is too small. Type a whole number from 1 to 10,000."},
                "seed", new String[] {"12abc", "Seed: &#39;12abc&#39; is not a whole number. Type one, such as 42, or leave the field empty"});
        for (Map.Entry<String, String[]> mistake : mistakes.entrySet()) {
            Map<String, String> form = new HashMap<>(Map.of("method", "dpo", "beta", "0.25", "policyEpochs", "7",
                    "rewardModel", "cross", "seed", SEED));
            form.put(mistake.getKey(), mistake.getValue()[0]);
            String page = lead.landedOn(lead.pageRequest().accept("text/html").formParams(form).formParam("csrf-token", lead.csrfToken())
                    .post("/admin/rounds"), 400);
            String field = mistake.getKey();
            assertTrue(page.contains(mistake.getValue()[1]), field + ": " + page);
            assertTrue(page.contains("id=\"start-round\""), "the form is shown again: " + page);
            for (Map.Entry<String, String> typed : form.entrySet()) {
                if (!typed.getKey().equals("method") && !typed.getKey().equals("rewardModel")) {
                    assertTrue(page.contains("name=\"" + typed.getKey() + "\"") && page.contains("value=\"" + typed.getValue() + "\""),
                            typed + " kept: " + page);
                }
            }
            assertTrue(page.contains("<option value=\"dpo\" selected>") && page.contains("<option value=\"cross\" selected>"),
                    "the choices kept: " + page);
            // The field is in the folded advanced settings: the fold opens on it, and the field is marked.
            assertTrue(page.contains("<details open><summary>Advanced settings"), page);
            assertTrue(page.matches("(?s).*name=\"" + field + "\"[^>]*aria-invalid=\"true\".*"), field + " marked: " + page);
            assertEquals(1, page.split("aria-invalid=\"true\"", -1).length - 1, "only the field refused is marked");
            // Shown as text, so a browser keeps what was typed even when it is no number, and the page opens on it.
            assertTrue(page.matches("(?s).*name=\"" + field + "\" type=\"text\"[^>]*aria-describedby=\"field-error\" autofocus.*"), field + ": " + page);
            assertTrue(page.contains("<p class=\"field-error\" id=\"field-error\">" + mistake.getValue()[1]), "said under the field: " + page);
        }
        // Empty fields take the defaults and are no mistake; the page with no mistake leaves the fold closed.
        String fresh = lead.pageRequest().accept("text/html").get("/admin/rounds").then().statusCode(200).extract().asString();
        assertFalse(fresh.contains("aria-invalid") || fresh.contains("<details open><summary>Advanced"), fresh);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from alignment_rounds where settings->>'seed' = '" + SEED + "'").getSingleResult()).longValue()),
                "no round was started");
    }

    @Test
    void aSeedTooLongForTheComputerSaysHowLongOneMayBe() {
        Caller lead = Caller.session("admin");
        String page = lead.landedOn(lead.pageRequest().accept("text/html").formParam("seed", "99999999999999999999")
                .formParam("csrf-token", lead.csrfToken()).post("/admin/rounds"), 400);
        assertTrue(page.contains("Seed: 99999999999999999999 is too large. Type a whole number of 18 digits or fewer. No round was started."), page);
    }

    @Test
    void theMakeItemsFormSaysWhatToTypeOnItsOwnPage() {
        // On the Review quality page, whose form is shown only while a version answers.
        ActiveModel.await();
        Caller lead = Caller.session("admin");
        Map<String, String> mistakes = Map.of(
                "", "Make review items: type a whole number from 1 to 500. Nothing was made.",
                "forty", "Make review items: &#39;forty&#39; is not a whole number. Type one from 1 to 500. Nothing was made.",
                "501", "Make review items: 501 is too large. Type a whole number from 1 to 500. Nothing was made.");
        for (Map.Entry<String, String> mistake : mistakes.entrySet()) {
            String page = lead.landedOn(lead.pageRequest().accept("text/html").formParam("count", mistake.getKey())
                    .formParam("csrf-token", lead.csrfToken()).post("/admin/review/generate"), 400);
            assertTrue(page.contains(mistake.getValue()) && page.contains("id=\"make-items-help\""),
                    "'" + mistake.getKey() + "': " + page);
            // The form (shown while a version answers) keeps the count as typed, marked, and the page opens on it.
            assertTrue(page.contains("<input name=\"count\" type=\"text\" inputmode=\"numeric\" aria-invalid=\"true\""
                    + " aria-describedby=\"field-error\" autofocus value=\"" + mistake.getKey() + "\""), "'" + mistake.getKey() + "': " + page);
            assertTrue(page.contains("<p class=\"field-error\" id=\"field-error\">" + mistake.getValue()), page);
        }
        String fresh = lead.pageRequest().accept("text/html").get("/admin/review").then().statusCode(200).extract().asString();
        assertTrue(fresh.contains("<input name=\"count\" type=\"number\" value=\"40\"") && !fresh.contains("aria-invalid"), fresh);
    }

    @Test
    void theTrainFormSaysAnUnknownChoiceOnItsOwnPage() {
        Caller lead = Caller.session("admin");
        String page = lead.pageRequest().accept("text/html").formParam("regime", "magic").formParam("csrf-token", lead.csrfToken())
                .post("/admin/models/train").then().statusCode(400).extract().asString();
        assertTrue(page.contains("How to learn: &#39;magic&#39; is not one of the choices. Choose automatic, fine-tune, quick, few"
                + " examples or no examples, then press Train again. Nothing was trained."), page);
        assertTrue(page.contains("action=\"/admin/models/train\""), "the Models page with its form: " + page);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from training_runs where settings->>'regime' = 'magic'").getSingleResult()).longValue()),
                "no training was queued");
    }
}
