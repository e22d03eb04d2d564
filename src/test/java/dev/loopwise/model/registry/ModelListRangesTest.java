package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The version list shows each share with the range the version's page gives it, so the lead comparing versions row by
 * row sees how far chance could move each figure; a share of a few tickets abstains there as it does on the version page.
 */
@QuarkusTest
class ModelListRangesTest {

    @Test
    void theListShowsEachShareWithItsLikelyRangeAndAbstainsOnAFewTickets() {
        int active = ActiveModel.await();
        // 84% of 200 tickets: Wilson at 90% gives 0.7929–0.8781, widened outwards to 79–88%.
        int measured = stored(active, Map.of("intent/accuracy", 0.84, "data/test_tickets", 200, "intent/macro_f1", 0.8,
                "intent/oos_recall", 1.0, "data/oos_test_tickets", 3,
                "policy/agent_agreement", 0.5, "policy/agent_agreement_tickets", 100));
        // 90% of tickets never counted: no range can be drawn, so the figure stays bare.
        int uncounted = stored(active, Map.of("intent/accuracy", 0.9));
        try {
            String page = Caller.session("admin").request().accept("text/html").get("/admin/models").then().statusCode(200)
                    .extract().asString();
            String row = row(page, measured);
            assertTrue(row.contains("<td class=\"num\" data-label=\"Right intent\">84.0% (79–88%)</td>"), row);
            assertTrue(row.contains("<td class=\"num\" data-label=\"Same reply as the agent\">50.0% (41–59%)</td>"), row);
            assertTrue(row.contains("<td class=\"num\" data-label=\"Off-topic handed over\">3 of 3 (too few to judge)</td>"),
                    "3 tickets are too few for a range, as on the version's page: " + row);
            assertTrue(row.contains("<td class=\"num\" data-label=\"Score per intent\">80.0%</td>"),
                    "an average over intents is not a share of tickets and has no range: " + row);
            assertTrue(row(page, uncounted).contains("<td class=\"num\" data-label=\"Right intent\">90.0%</td>"), row(page, uncounted));
            assertTrue(page.contains("id=\"ranges-meaning\">In brackets after a figure: where it would likely land, 9 times in 10"),
                    "the page says what the brackets mean: " + page);

            String versionPage = Caller.session("admin").request().accept("text/html").get("/admin/models/" + measured).then()
                    .statusCode(200).extract().asString();
            assertTrue(versionPage.contains("likely between 79% and 88%"), "the very range the version's page gives: " + versionPage);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version in ?1", List.of(measured, uncounted)));
        }
    }

    @Test
    void aRangeOnTheListIsTheVersionPagesRangeInBrackets() {
        ModelVersion version = MeasuredVersions.version(1, ModelVersion.REJECTED, 0.75, 40, "intent/oos_recall", 1.0,
                "data/oos_test_tickets", 19, "policy/intent_consistency", 0.5);
        assertEquals("75.0% (62–85%)", FigureRanges.withRange(version, "intent/accuracy"));
        assertEquals("likely between 62% and 85%", FigureRanges.likelyRange(version, "intent/accuracy"));
        assertEquals("19 of 19 (too few to judge)", FigureRanges.withRange(version, "intent/oos_recall"));
        assertEquals("50.0%", FigureRanges.withRange(version, "policy/intent_consistency"), "counted on an unknown number of tickets");
        assertEquals("—", FigureRanges.withRange(version, "policy/agent_agreement"));
        version.metrics.put("data/oos_test_tickets", 20);
        assertEquals("100.0% (88–100%)", FigureRanges.withRange(version, "intent/oos_recall"), "20 tickets are enough for a range");
    }

    /** A rejected copy of the active version, without weights, with {@code metrics} in place of its own. */
    private static int stored(int active, Map<String, Object> metrics) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion copy = MeasuredVersions.copyOf(ModelVersion.findByVersion(active).orElseThrow(), ModelVersion.REJECTED,
                    "list-ranges test");
            copy.metrics = new LinkedHashMap<>(metrics);
            copy.weightsRemovedAt = OffsetDateTime.now(); // figures only: nothing to promote
            copy.persist();
            return copy.version;
        });
    }

    private static String row(String page, int version) {
        int start = page.indexOf("href=\"/admin/models/" + version + "\"");
        assertTrue(start > 0, "version " + version + " is listed: " + page);
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
