package dev.loopwise.model.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.stats.Wilson;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.IntentFigures.IntentFigure;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each intent's share of its held-out tickets answered right comes with its likely range, so the lead sees which intents
 * are weak beyond chance; an intent of a few tickets says it has too few to tell, instead of a share that means nothing.
 */
@QuarkusTest
class IntentFiguresTest {
    /** z² at 90%, 1.6449²: at 0 of n the range's top is z²/(n + z²), at n of n its bottom n/(n + z²). */
    private static final double Z2 = 2.70569601;

    @Inject
    ApiKeyService keys;

    @Test
    void theRangesAreWilsonsAtNinetyPercentComputedByHand() {
        assertArrayEquals(new double[] {0, Z2 / (10 + Z2)}, FigureRanges.wilson(0, 10), 1e-9, "0 of 10: 0 to 0.2130");
        assertArrayEquals(new double[] {10 / (10 + Z2), 1}, FigureRanges.wilson(1, 10), 1e-9, "10 of 10: 0.7870 to 1");
        assertArrayEquals(new double[] {1 / (1 + Z2), 1}, FigureRanges.wilson(1, 1), 1e-9, "1 of 1: 0.2699 to 1");
        assertArrayEquals(new double[] {0, Z2 / (1 + Z2)}, FigureRanges.wilson(0, 1), 1e-9, "0 of 1: 0 to 0.7301");
        // 30 of 40: centre (0.75 + z²/80) / (1 + z²/40) = 0.73416, half 1.6449·√(0.75·0.25/40 + z²/6400) / (1 + z²/40) = 0.11014.
        assertArrayEquals(new double[] {0.62402, 0.84430}, FigureRanges.wilson(0.75, 40), 1e-4);

        assertEquals("likely between 0% and 12%", IntentFigures.figure("refund", 20, 0, 100, 80, 1).range(), "z²/(20 + z²) = 0.1192");
        assertEquals("likely between 88% and 100%", IntentFigures.figure("refund", 20, 20, 100, 80, 1).range(), "20/(20 + z²) = 0.8808");
        IntentFigure one = IntentFigures.figure("refund", 1, 1, 100, 80, 1);
        assertEquals("1 of 1", one.answered());
        assertEquals(LifecycleMessages.TOO_FEW_TICKETS, one.range(), "one ticket says nothing, right or wrong");
        assertNull(one.low());
        assertFalse(IntentFigures.figure("refund", 19, 0, 100, 80, 1).weak(), "0 of 19 is still too few to call weak");
        assertTrue(IntentFigures.figure("refund", 20, 0, 100, 80, 1).weak(), "0 of 20 against 80 of 100: at most −66 points");
        assertEquals("75.0%", IntentFigures.figure("refund", 40, 30, 100, 80, 1).answered());
        assertFalse(IntentFigures.figure("refund", 40, 30, 100, 80, 1).weak(), "75% of 40 against 80% of 100 may be chance: up to +7 points");
        assertFalse(IntentFigures.figure("refund", 20, 0, 0, 0, 1).weak(), "a lone intent has no others to be weaker than");
    }

    /** Newcombe's own worked example (Statistics in Medicine, 1998, table II, method 10): 56/70 − 48/80 lies in 0.0524 to 0.3339. */
    @Test
    void theDifferenceIntervalIsNewcombesHybridScore() {
        assertArrayEquals(new double[] {0.0524, 0.3339}, Wilson.difference(56, 70, 48, 80, 1.959964), 1e-4);
        assertTrue(Double.isNaN(Wilson.bounds(0, 0, 1.96)[1]), "no items, no interval");
    }

    /**
     * One intent of twenty at 32 of 50, the nineteen others at 40 of 50: compared alone its difference's 90% interval tops out
     * at −5.6 points, yet among twenty such comparisons one that low is expected by chance, and corrected (z = 2.807) the top
     * reaches +0.4 points: it is not marked. At 30 of 50 it is, corrected too (−2.8 points).
     */
    @Test
    void manyIntentsAreComparedWithoutMarkingOneByChance() {
        assertTrue(IntentFigures.figure("refund", 50, 32, 950, 760, 1).weak(), "alone, 32 of 50 against 760 of 950 would be marked");
        assertFalse(IntentFigures.figure("refund", 50, 32, 950, 760, 20).weak(), "one of twenty comparisons: chance explains it");
        assertTrue(IntentFigures.figure("refund", 50, 30, 950, 760, 20).weak(), "30 of 50 stays weaker after the correction");
    }

    @Test
    void theVersionPageListsTheIntentsWeakBeyondChanceFirstAndTheAPIGivesEachRange() {
        int active = ActiveModel.await();
        // refund, 9 of 20 against the others' 72 of 84, is weaker even compared four times (up to −15 points); returns, 14 of 20
        // against 67 of 84, may be chance (up to +11 points).
        List<Map<String, Object>> perIntent = List.of(share("billing", 20, 19), share("cancel", 1, 1), share("login", 3, 0),
                share("refund", 20, 9), share("returns", 20, 14), share("shipping", 40, 38));
        int version = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion copy = MeasuredVersions.copyOf(ModelVersion.findByVersion(active).orElseThrow(), ModelVersion.REJECTED,
                    "intent-figures test");
            copy.metrics = new LinkedHashMap<>(Map.of("intent/accuracy", 0.78, "data/test_tickets", 104, IntentFigures.METRIC, perIntent));
            copy.weightsRemovedAt = OffsetDateTime.now(); // figures only: nothing to promote
            copy.persist();
            return copy.version;
        });
        try {
            String page = Caller.session("admin").request().accept("text/html").get("/admin/models/" + version).then()
                    .statusCode(200).extract().asString();
            String table = page.substring(page.indexOf("<table id=\"intent-figures\""), page.indexOf("</table>", page.indexOf("id=\"intent-figures\"")));
            // too few to say come last, the lowest share first: login (0 of 3) before cancel (1 of 1), not by name
            List<String> order = List.of("refund", "returns", "billing", "shipping", "login", "cancel");
            int at = 0;
            for (String intent : order) {
                int next = table.indexOf("<code>" + intent + "</code>");
                assertTrue(next > at, intent + " comes after the one before it in " + order + ": " + table);
                at = next;
            }
            String refund = table.substring(table.indexOf("<code>refund</code>"), table.indexOf("</tr>", table.indexOf("<code>refund</code>")));
            assertTrue(refund.contains("<span class=\"badge weak\">clearly weaker</span>") && refund.contains("45.0%")
                    && refund.contains("likely between 28% and 63%"), refund);
            assertTrue(table.indexOf("<tr class=\"weak\">") == table.lastIndexOf("<tr class=\"weak\">"), "only refund is marked: " + table);
            String cancel = table.substring(table.indexOf("<code>cancel</code>"), table.indexOf("</tr>", table.indexOf("<code>cancel</code>")));
            assertTrue(cancel.contains("1 of 1") && cancel.contains(LifecycleMessages.TOO_FEW_TICKETS), cancel);
            assertTrue(page.contains("Intents marked <strong>clearly weaker</strong> are listed first"), page);
            // The pages the note sends the lead to are links.
            assertTrue(page.contains("on <a href=\"/admin/tickets\">Tickets</a> and check on <a href=\"/admin/intents\">Intents</a> that"),
                    page);
            assertTrue(table.contains("<caption class=\"table-order\">Weakest first:"), "the order is said above the rows: " + table);
            assertTrue(page.contains("<summary>In ML terms</summary>"), "Wilson and recall are named under a fold only: " + page);

            String refundJson = "metrics.'intent/per_intent'.find { it.intent == 'refund' }";
            JsonPath json = Caller.apiKey(keys, "admin").request().get("/api/v1/models/" + version).then().statusCode(200)
                    .body(refundJson + ".right", equalTo(9))
                    .body("metrics.'intent/per_intent'.find { it.intent == 'cancel' }.likelyLow", nullValue())
                    .extract().jsonPath();
            assertEquals(0.2841, json.getDouble(refundJson + ".likelyLow"), 1e-4, "9 of 20 is likely between 28.4% and 62.8%");
            assertEquals(0.6278, json.getDouble(refundJson + ".likelyHigh"), 1e-4);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version", version));
        }
    }

    /**
     * Early on every intent has too few tickets to say: the one that missed most of its tickets leads, not the first by name,
     * and equal shares fall back to the name. An intent with no ticket kept aside has no share and comes last.
     */
    @Test
    void whenEveryIntentIsTooFewToSayTheLowestShareLeads() {
        ModelVersion early = new ModelVersion();
        early.metrics = new LinkedHashMap<>(Map.of(IntentFigures.METRIC, List.of(share("account", 3, 3), share("billing", 2, 2),
                share("empty", 0, 0), share("gift", 4, 3), share("refund", 6, 4), share("wrong_item", 5, 3), share("zebra", 1, 0))));
        assertEquals(List.of("zebra", "wrong_item", "refund", "gift", "account", "billing", "empty"),
                IntentFigures.intentFigures(early).stream().map(IntentFigure::intent).toList(),
                "0%, 60%, 66.7%, 75%, then 100% by name, then no tickets");
    }

    @Test
    void aTrainedVersionKeepsEachIntentsFiguresAndAnOlderOneSaysItHasNone() {
        int active = ActiveModel.await();
        ModelVersion trained = QuarkusTransaction.requiringNew().call(() -> ModelVersion.findByVersion(active).orElseThrow());
        assertTrue(IntentFigures.hasIntentFigures(trained), "training stores each intent's counts: " + trained.metrics.keySet());
        int heldOut = ((Number) trained.metrics.get("data/test_tickets")).intValue();
        int inScope = IntentFigures.intentFigures(trained).stream().mapToInt(IntentFigure::tickets).sum();
        Object oos = trained.metrics.get("data/oos_test_tickets");
        assertEquals(heldOut - (oos instanceof Number n ? n.intValue() : 0), inScope, "every in-scope held-out ticket is counted once");
        String page = Caller.session("admin").request().accept("text/html").get("/admin/models/" + active).then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("<table id=\"intent-figures\""), page);

        ModelVersion older = MeasuredVersions.version(1, ModelVersion.RETIRED, 0.9, 50);
        assertFalse(IntentFigures.hasIntentFigures(older));
        assertEquals(List.of(), IntentFigures.intentFigures(older));
    }

    private static Map<String, Object> share(String intent, int tickets, int right) {
        return Map.of("intent", intent, "tickets", tickets, "right", right);
    }
}
