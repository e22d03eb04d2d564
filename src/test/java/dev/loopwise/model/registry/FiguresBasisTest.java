package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.text.Counts;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A version's page names, under each figure, which held-out tickets it was measured on and how many: the out-of-scope
 * figure rests on the held-out tickets labelled oos alone, the hand-over rate on the others, not on all of them.
 */
@QuarkusTest
class FiguresBasisTest {
    @Test
    void eachFigureSaysWhichHeldOutTicketsItWasMeasuredOn() {
        int version = ActiveModel.await();
        Map<String, Object> metrics = QuarkusTransaction.requiringNew().call(() -> ModelVersion.<ModelVersion>find("version", version)
                .firstResult().metrics);
        int all = ((Number) metrics.get("data/test_tickets")).intValue();
        int oos = ((Number) metrics.get("data/oos_test_tickets")).intValue();
        String page = Caller.session("admin").request().accept("text/html").get("/admin/models/" + version).then().statusCode(200)
                .extract().asString();
        // Counted as people count ("1 ticket"): whichever version an earlier test left active may have kept one aside.
        for (String label : new String[] {"right intent or rightly handed over, of " + Counts.of(all, "ticket") + " kept aside for measuring",
                "off-topic handed over, of " + Counts.of(oos, "ticket") + " labelled oos and kept aside for measuring",
                "answerable tickets handed to a person, of " + Counts.of(all - oos, "ticket") + " kept aside for measuring that support answers",
                "same reply as the agent, of ", "reply of the right intent, of "}) {
            assertTrue(page.contains("<span class=\"label\">" + label), label + " in " + page.substring(Math.max(0, page.indexOf("id=\"version-figures\""))));
        }
    }

    /**
     * The oos tickets kept aside to place the hand-over line are a second set, not the held-out ones the figures count:
     * the page says so, rather than "16 held-out tickets labelled oos" above and "only 7 such tickets" below.
     */
    @Test
    void theLinesOwnTicketsReadAsASecondSetApartFromTheFigures() {
        String page = pageOfACopyWith(Map.of("intent/threshold", 0.3, "intent/threshold_kept_share", 0.98,
                "intent/threshold_oos_examples", 7, "data/oos_train_tickets", 64, "data/oos_test_tickets", 16));
        String line = page.substring(page.indexOf("id=\"threshold-meaning\""));
        line = line.substring(0, line.indexOf("</p>"));
        assertTrue(line.contains("only 7 of them are labelled oos, where it needs 20"), line);
        assertTrue(line.contains("That group is a second set, apart from the 16 tickets labelled oos and kept aside for measuring that the figures above"
                + " are measured on, so those figures stay a fair test of the line."), line);
        assertFalse(line.contains("such tickets were set aside"), line);
    }

    /** Held-out tickets in the words of a training ticket were learned from, not measured on: the page says how many, as part of the trained ones. */
    @Test
    void heldOutTicketsInTheWordsOfATrainingTicketAreCountedApart() {
        // They are among the tickets trained on (the trainer counts them there), not more besides them.
        String page = pageOfACopyWith(Map.of("data/train_tickets", 257, "data/test_seen_tickets", 3));
        assertTrue(page.contains("(257 tickets trained on, 3 of them kept aside at first but in the words of tickets it trained on, so it"
                + " learned from them instead)."), page.substring(page.indexOf("Measured on")));
        page = pageOfACopyWith(Map.of("data/train_tickets", 257, "data/test_seen_tickets", 1));
        assertTrue(page.contains("(257 tickets trained on, one of them kept aside at first but in the words of a ticket it trained on, so it"
                + " learned from it instead)."), page.substring(page.indexOf("Measured on")));
    }

    /** A version trained on too few tickets to keep any aside says so, rather than "Measured on 0 tickets". */
    @Test
    void aVersionWithNoHeldOutTicketSaysSo() {
        String page = pageOfACopyWith(Map.of("data/train_tickets", 3, "data/test_tickets", 0, "intent/confusions", List.of()));
        assertTrue(page.contains("No ticket was kept aside for measuring (3 tickets trained on), so"), page);
        assertFalse(page.contains("Measured on 0 tickets"), page);
        // With nothing kept aside, "none of them was taken for another intent" would claim a result no ticket gave.
        assertTrue(page.contains("No ticket was kept aside for measuring, so there is nothing to count confusions on yet."), page);
        assertFalse(page.contains("No confusions on the tickets kept aside"), page);
        assertFalse(page.contains("id=\"score-per-intent-help\""), "no advice on a figure that stays blank: " + page);
    }

    /** A version trained before each intent's figures were kept has no table to point to: the advice points to the confusions. */
    @Test
    void theScorePerIntentAdviceOfAnOlderVersionPointsOnlyToWhatItHas() {
        String page = pageOfACopyWith(Map.of("data/test_tickets", 87), IntentFigures.METRIC).replaceAll("\\s+", " ");
        int at = page.indexOf("id=\"score-per-intent-help\"");
        assertTrue(at > 0, page);
        String help = page.substring(at, page.indexOf("</p>", at));
        assertTrue(help.contains("href=\"#most-confused\"") && help.contains("trained before each intent's own figures were kept"), help);
        assertFalse(help.contains("#how-each-intent"), "its How each intent does has no figures to name them: " + help);
        assertTrue(help.contains("far below <em>right intent or rightly handed over</em>"), "the figure named as it is labelled: " + help);
    }

    /** The confusions table says what it counts and what to do about it, in the lead's words, not "Expected / Predicted". */
    @Test
    void theConfusionsSayWhatTheyCountAndWhatToDo() {
        String page = pageOfACopyWith(Map.of("data/test_tickets", 87, "intent/confusions",
                List.of(Map.of("expected", "refund_status", "predicted", "cancel_order", "count", 2))));
        assertTrue(page.replaceAll("\\s+", " ").contains("Of the 87 tickets kept aside for measuring, those labelled with one intent"
                + " that this version took for another"), page);
        assertTrue(page.contains("<th>Labelled</th><th>Taken for</th>") && !page.contains("<th>Predicted</th>"), page);
        assertTrue(page.contains("label more tickets of each on <a href=\"/admin/tickets\">Tickets</a>, or merge them on"
                + " <a href=\"/admin/intents\">Intents</a> if"), page);
    }

    /**
     * The version page of a stored copy of the active version with {@code metrics} added and the metrics {@code without}
     * left out; the copy is removed after.
     */
    private static String pageOfACopyWith(Map<String, Object> metrics, String... without) {
        int version = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion copy = MeasuredVersions.copyOf(ModelVersion.findByVersion(ActiveModel.await()).orElseThrow(),
                    ModelVersion.REJECTED, "figures-basis test");
            copy.metrics.putAll(metrics);
            List.of(without).forEach(copy.metrics::remove);
            copy.weightsRemovedAt = OffsetDateTime.now();
            copy.persist();
            return copy.version;
        });
        try {
            return Caller.session("admin").request().accept("text/html").get("/admin/models/" + version).then().statusCode(200)
                    .extract().asString();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version", version));
        }
    }
}
